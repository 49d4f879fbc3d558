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
}

export interface PauseWindowListQuery {
  status?: PauseWindowStatus;
  routeId?: string;
  page?: number;
  pageSize?: number;
}

/** What a person may type when announcing a window; the API refuses more, the form says so first. */
export const PAUSE_WINDOW_LIMITS = { announcedByMaxLength: 500, sourceTextMaxLength: 10_000, notesMaxLength: 2000 } as const;
