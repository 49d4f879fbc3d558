import http from 'node:http';
import type { LiveEvent } from '@relief-ledger/domain';
import { RunningApi } from './start-api';

export interface ReceivedEvent {
  id: string;
  type: string;
  data: LiveEvent;
}

export interface EventStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  events: ReceivedEvent[];
  /** Resolves with the first event (already received or still to come) that matches. */
  waitFor(match: (event: ReceivedEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  /** Resolves when the server ends the stream. */
  ended(timeoutMs?: number): Promise<void>;
  close(): void;
}

/** A Server-Sent Events client as a browser's EventSource is: cookie, optional Last-Event-ID. */
export function openEventStream(api: RunningApi, cookie: string, lastEventId?: string, extraHeaders: Record<string, string> = {}): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const url = new URL('/api/v1/events', api.url);
    const headers: Record<string, string> = { cookie, accept: 'text/event-stream', ...extraHeaders };
    if (lastEventId) headers['last-event-id'] = lastEventId;
    const req = http.get(url, { headers }, (res) => {
      const events: ReceivedEvent[] = [];
      const waiters: Array<{ match: (e: ReceivedEvent) => boolean; resolve: (e: ReceivedEvent) => void }> = [];
      let buffer = '';
      let finished = false;
      const endWaiters: Array<() => void> = [];
      res.on('end', () => {
        finished = true;
        for (const done of endWaiters.splice(0)) done();
      });
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) => block.split('\n').find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
          const data = field('data');
          if (data === undefined) continue;
          const event = { id: field('id') ?? '', type: field('event') ?? 'message', data: JSON.parse(data) as LiveEvent };
          events.push(event);
          for (const waiter of waiters.filter((w) => w.match(event))) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(event);
          }
        }
      });
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        events,
        waitFor(match, timeoutMs = 10_000) {
          const seen = events.find(match);
          if (seen) return Promise.resolve(seen);
          return new Promise((ok, fail) => {
            const timer = setTimeout(() => fail(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => e.type))}`)), timeoutMs);
            waiters.push({ match, resolve: (e) => (clearTimeout(timer), ok(e)) });
          });
        },
        ended(timeoutMs = 10_000) {
          if (finished) return Promise.resolve();
          return new Promise((ok, fail) => {
            const timer = setTimeout(() => fail(new Error(`the stream did not end within ${timeoutMs} ms`)), timeoutMs);
            endWaiters.push(() => (clearTimeout(timer), ok()));
          });
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
  });
}
