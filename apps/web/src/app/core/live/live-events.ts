import { computed, DestroyRef, effect, inject, Injectable, InjectionToken, signal, untracked } from '@angular/core';
import { LIVE_EVENT_TYPES, LIVE_RESET_EVENT, LiveEvent, LiveEventType } from '@relief-ledger/domain';
import { filter, Observable, Subject } from 'rxjs';

import { SessionStore } from '../auth/session-store';
import { isRecord } from '../http/read-json';

export const LIVE_EVENTS_URL = '/api/v1/events';
/** After the server refused or dropped the stream for good, try a new one this much later. */
export const REOPEN_DELAY_MS = 15_000;

/**
 * - `off`: signed out, no stream.
 * - `connecting`: the first connection is being made.
 * - `live`: events arrive as they happen.
 * - `reconnecting`: the connection dropped; the browser (or this service) is trying again.
 * - `offline`: the browser says it has no network: nothing can be live, whatever the stream last said.
 */
export type LiveStatus = 'off' | 'connecting' | 'live' | 'reconnecting' | 'offline';

/** What this service uses of the browser's `EventSource`; specs hand in a fake. */
export interface LiveEventSource {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

const CLOSED = 2;

export const OPEN_EVENT_SOURCE = new InjectionToken<(url: string) => LiveEventSource>('OPEN_EVENT_SOURCE', {
  providedIn: 'root',
  // Same origin, so the session cookie goes along without `withCredentials`.
  factory: () => (url) => new EventSource(url, { withCredentials: false }) as unknown as LiveEventSource,
});

/**
 * The one Server-Sent Events stream of the app (`/api/v1/events`): open while someone is signed
 * in, closed when they sign out. Screens subscribe to the event types they show. The browser
 * reconnects by itself and sends `Last-Event-ID`, so the server can replay what was missed; when
 * the stream had to be opened anew, `resumed` tells screens to load again what they show.
 */
@Injectable({ providedIn: 'root' })
export class LiveEvents {
  private readonly openSource = inject(OPEN_EVENT_SOURCE);
  private readonly session = inject(SessionStore);
  private readonly received = new Subject<LiveEvent>();
  private readonly resumedAfterGap = new Subject<void>();
  private readonly state = signal<Exclude<LiveStatus, 'offline'>>('off');
  // A stream on a lost network can stay "open" for minutes before it errors; the browser knows sooner.
  private readonly online = signal(navigator.onLine);
  private source: LiveEventSource | undefined;
  private reopenTimer: ReturnType<typeof setTimeout> | undefined;

  readonly status = computed<LiveStatus>(() => (this.state() !== 'off' && !this.online() ? 'offline' : this.state()));
  /** Every event, as it arrives. */
  readonly events: Observable<LiveEvent> = this.received.asObservable();
  /** The stream is back after a gap in which events may have been lost, or the server could not replay them all. */
  readonly resumed: Observable<void> = this.resumedAfterGap.asObservable();

  constructor() {
    effect(() => {
      const signedIn = this.session.signedIn();
      untracked(() => (signedIn ? this.connect() : this.disconnect()));
    });
    const followNetwork = () => {
      this.online.set(navigator.onLine);
      // Back online while waiting to reopen a stream the browser gave up on: no need to wait.
      if (navigator.onLine && !this.source && this.state() === 'reconnecting' && this.session.signedIn()) this.connect();
    };
    window.addEventListener('online', followNetwork);
    window.addEventListener('offline', followNetwork);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('online', followNetwork);
      window.removeEventListener('offline', followNetwork);
      this.disconnect();
    });
  }

  /** The events of these types, typed as such. */
  on<T extends LiveEventType>(...types: T[]): Observable<Extract<LiveEvent, { type: T }>> {
    return this.events.pipe(filter((event): event is Extract<LiveEvent, { type: T }> => (types as LiveEventType[]).includes(event.type)));
  }

  private connect(): void {
    if (this.source) return;
    clearTimeout(this.reopenTimer);
    const source = this.openSource(LIVE_EVENTS_URL);
    this.source = source;
    const reopened = this.state() === 'reconnecting';
    if (!reopened) this.state.set('connecting');
    let hadGap = reopened;
    source.onopen = () => {
      this.state.set('live');
      if (hadGap) this.resumedAfterGap.next();
      hadGap = false;
    };
    source.onerror = () => {
      if (this.source !== source) return;
      this.state.set('reconnecting');
      hadGap = true;
      if (source.readyState === CLOSED) this.reopenLater();
    };
    // Too far behind for a replay: the server says so, and what is shown must be loaded again.
    source.addEventListener(LIVE_RESET_EVENT, () => this.resumedAfterGap.next());
    for (const type of LIVE_EVENT_TYPES) {
      source.addEventListener(type, (message) => {
        const event = readLiveEvent(type, message.data);
        if (event) this.received.next(event);
      });
    }
  }

  // The browser gives up on a stream the server refused (an error status, a proxy's page);
  // a fresh one later picks up once the server is back.
  private reopenLater(): void {
    this.source?.close();
    this.source = undefined;
    this.reopenTimer = setTimeout(() => {
      if (this.session.signedIn()) this.connect();
    }, REOPEN_DELAY_MS);
  }

  private disconnect(): void {
    clearTimeout(this.reopenTimer);
    this.source?.close();
    this.source = undefined;
    this.state.set('off');
  }
}

/** The event, or undefined when its data is not the JSON of an event of that type. */
function readLiveEvent(type: LiveEventType, data: string): LiveEvent | undefined {
  try {
    const value: unknown = JSON.parse(data);
    return isRecord(value) && value['type'] === type ? (value as unknown as LiveEvent) : undefined;
  } catch {
    return undefined;
  }
}
