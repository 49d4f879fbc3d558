import { Provider } from '@angular/core';
import { LiveEvent } from '@relief-ledger/domain';

import { LiveEventSource, OPEN_EVENT_SOURCE } from '../live-events';

/** An EventSource a spec drives by hand: open it, drop it, send it events. */
export class FakeEventSource implements LiveEventSource {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.readyState = 2;
    this.closed = true;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  /** `closedForGood`: as after an error status, when the browser stops trying. */
  fail(closedForGood = false): void {
    this.readyState = closedForGood ? 2 : 0;
    this.onerror?.(new Event('error'));
  }

  send(event: LiveEvent): void {
    this.sendRaw(event.type, JSON.stringify(event));
  }

  sendRaw(type: string, data: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }));
  }
}

/** Providers that make every stream a `FakeEventSource`, collected in `opened` (newest last). */
export function provideFakeEventSources(opened: FakeEventSource[]): Provider {
  return {
    provide: OPEN_EVENT_SOURCE,
    useValue: (url: string) => {
      const source = new FakeEventSource(url);
      opened.push(source);
      return source;
    },
  };
}
