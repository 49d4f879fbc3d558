import type { PauseWindowStatus } from './pause-window';

/**
 * A time as it was announced: the wall clock in `zone`. `date` may be left out of the end
 * ("until 18:00") to mean the first such time after the start. `offset` (`+02:00`) is only
 * needed when the clocks went back over that time and it happened twice.
 */
export interface AnnouncedTime {
  date?: string;
  time: string;
  offset?: string;
}

export interface CreatePauseWindowRequest {
  /** Made up by the device when the person pressed the button: a re-send records it once (or send an Idempotency-Key header). */
  clientId?: string;
  /** Who announced it: "Russia and the regime, notified to the UN". */
  announcedBy: string;
  /** The announcement as received, word for word. */
  sourceText: string;
  /** ISO instant; defaults to now. */
  announcedAt?: string;
  /** IANA zone the times were announced in, e.g. Asia/Damascus. */
  zone: string;
  /** Left out: from now. */
  start?: AnnouncedTime;
  end: AnnouncedTime;
  routeIds: string[];
  areaIds: string[];
  notes?: string;
}

export interface PauseWindowResponse {
  id: string;
  announcedBy: string;
  sourceText: string;
  announcedAt: string;
  zone: string;
  startsAt: string;
  endsAt: string;
  /** The start and end as read on the wall clock of `zone`. */
  startsLocal: { date: string; time: string; offset: string };
  endsLocal: { date: string; time: string; offset: string };
  status: PauseWindowStatus;
  violatedAt: string | null;
  violatedByIncidentId: string | null;
  routes: { id: string; name: string }[];
  areas: { id: string; pcode: string; nameEn: string }[];
  notes: string | null;
  recordedByOrganisation: string;
  createdAt: string;
  /** Sent back (body version or If-Match) to end or correct it, so that no one else's change is overwritten. */
  version: number;
}

/** News that a window ended before its announced end. */
export interface EndPauseWindowRequest {
  /** ISO instant it ended; defaults to now. Not in the future, after its start, before its announced end. */
  endedAt?: string;
  /** Where the news came from, word for word: "OCHA flash update 3: shelling resumed at 14:00". */
  source: string;
  /** The version read (or send If-Match). */
  version?: number;
}

/** A window entered wrongly, entered again: the same fields as entering it, and why. */
export interface CorrectPauseWindowRequest {
  announcedBy: string;
  sourceText: string;
  zone: string;
  start: AnnouncedTime;
  end: AnnouncedTime;
  routeIds: string[];
  areaIds: string[];
  reason: string;
  version?: number;
}

export const PAUSE_WINDOW_EVENT_KINDS = ['entered', 'ended', 'corrected'] as const;
export type PauseWindowEventKind = (typeof PAUSE_WINDOW_EVENT_KINDS)[number];

/** The fields a correction or an early end can change, as named in a history entry. */
/** `violatedAt`: when the window was broken, '' for not broken (an early end or a correction can change which incident broke it, or whether one did). */
export const PAUSE_WINDOW_CHANGED_FIELDS = ['announcedBy', 'sourceText', 'zone', 'startsAt', 'endsAt', 'routes', 'areas', 'violatedAt'] as const;
export type PauseWindowChangedField = (typeof PAUSE_WINDOW_CHANGED_FIELDS)[number];

/** One change: instants as ISO strings, routes and areas as their names (as they were then). */
export interface PauseWindowChange {
  field: PauseWindowChangedField;
  from: string | string[];
  to: string | string[];
}

/** One entry of a window's history. */
export interface PauseWindowEventResponse {
  id: string;
  kind: PauseWindowEventKind;
  version: number;
  recordedAt: string;
  /** The person, for one's own organisation; null for another organisation's staff (their names stay theirs). */
  recordedBy: string | null;
  recordedByOrganisation: string;
  changes: PauseWindowChange[];
  reason: string | null;
  source: string | null;
}

/** One window with its history, oldest first. */
export interface PauseWindowDetailResponse extends PauseWindowResponse {
  history: PauseWindowEventResponse[];
}

export interface PauseWindowListQuery {
  status?: PauseWindowStatus;
  routeId?: string;
  page?: number;
  pageSize?: number;
}

/** What a person may type when announcing a window; the API refuses more, the form says so first. */
export const PAUSE_WINDOW_LIMITS = { announcedByMaxLength: 500, sourceTextMaxLength: 10_000, notesMaxLength: 2000, reasonMaxLength: 2000 } as const;
