import type { ConvoyEventResponse } from '../convoys/convoy-contract';
import type { ConvoyStatus } from '../convoys/convoy';
import type { IncidentResponse } from '../incidents/incident-contract';
import type { PauseWindowResponse } from '../pause-windows/pause-window-contract';

/**
 * What `/api/v1/events` sends (Server-Sent Events; `event:` is the type, `id:` the sequence a
 * reconnecting browser sends back as Last-Event-ID, `data:` this JSON).
 */
export type LiveEvent =
  /** Own organisation: `event` is set. Other organisations: status only. */
  | { type: 'convoy.status'; convoyId: string; organisationId: string; organisationName: string; status: ConvoyStatus; event: ConvoyEventResponse | null }
  /** Own organisation only. */
  | { type: 'convoy.check_in'; convoyId: string; organisationId: string; status: ConvoyStatus; event: ConvoyEventResponse }
  | { type: 'incident.reported'; incident: IncidentResponse }
  // One member per type, so that listening to some of them (`on('window.ended')`) narrows to those.
  | { type: 'window.announced'; window: PauseWindowResponse }
  | { type: 'window.violated'; window: PauseWindowResponse }
  | { type: 'window.ended'; window: PauseWindowResponse }
  | { type: 'window.corrected'; window: PauseWindowResponse };

export type LiveEventType = LiveEvent['type'];
export const LIVE_EVENT_TYPES: readonly LiveEventType[] = ['convoy.status', 'convoy.check_in', 'incident.reported', 'window.announced', 'window.violated', 'window.ended', 'window.corrected'];

/**
 * Sent instead of a replay when a reconnecting browser is too far behind (events are kept 7
 * days, and a replay holds at most a few hundred): it should reload what it shows.
 */
export const LIVE_RESET_EVENT = 'reset';
