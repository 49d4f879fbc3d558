import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CheckInRequest,
  CONVOY_STATUSES,
  ConvoyDetailResponse,
  ConvoyEventResponse,
  ConvoyListQuery,
  ConvoyResponse,
  ConvoyStatusRequest,
  ConvoyStatusQuery,
  ConvoyStatusResponse,
  CreateConvoyRequest,
  Page,
  Problem,
} from '@relief-ledger/domain';
import { catchError, map, Observable } from 'rxjs';

import { clampPageSize, toParams } from '../core/http/query-params';
import { OutboxDraft } from '../core/outbox/outbox';
import { OutboxAnswer } from '../core/outbox/outbox-entry';
import { hasNumbers, hasStrings, isRecord, readPageOrThrow, unexpectedAnswer } from '../core/http/read-json';
import { rethrowAsProblem } from '../core/problems/to-problem';

const API = '/api/v1/convoys';

/** `code` of the 422 for a check-in client id the server has already seen with other details. */
// The replay rule's one code, from the contract.
export { KEY_REUSED_CODE as CHECK_IN_KEY_REUSED_CODE } from '@relief-ledger/domain';

export interface RecordedCheckIn {
  event: ConvoyEventResponse;
  /** The server had this check-in already (a re-send after a lost answer) and answered it again. */
  replayed: boolean;
}

/**
 * The convoy board, one convoy, planning one, and what the road reports: status changes and
 * check-ins. Every call fails with a `ProblemError`; a move the transition table forbids, and a
 * change on top of someone else's, are 409s (see `isStaleConvoyVersion`).
 */
@Injectable({ providedIn: 'root' })
export class ConvoysApi {
  private readonly http = inject(HttpClient);

  /** The signed-in user's organisation's convoys. */
  listConvoys(query: ConvoyListQuery = {}): Observable<Page<ConvoyResponse>> {
    return this.http.get<unknown>(API, { params: toParams({ ...query, pageSize: clampPageSize(query.pageSize) }) }).pipe(
      map((body) => readPageOrThrow(body, readConvoyOrThrow)),
      catchError(rethrowAsProblem),
    );
  }

  /** Every organisation's active convoys (and recently ended, or with `ended: 'all'` every ended one), status only: what coordination needs, nothing of routes or times. */
  listStatuses(query: ConvoyStatusQuery = {}): Observable<ConvoyStatusResponse[]> {
    return this.http.get<unknown>(`${API}/statuses`, { params: toParams({ ...query }) }).pipe(
      map((body) => {
        if (!Array.isArray(body)) throw unexpectedAnswer('a list of convoy statuses');
        return body.map(readStatusOrThrow);
      }),
      catchError(rethrowAsProblem),
    );
  }

  getConvoy(id: string): Observable<ConvoyDetailResponse> {
    return this.http.get<unknown>(`${API}/${encodeURIComponent(id)}`).pipe(map(readDetailOrThrow), catchError(rethrowAsProblem));
  }

  planConvoy(request: CreateConvoyRequest): Observable<ConvoyDetailResponse> {
    return this.http.post<unknown>(API, request).pipe(map(readDetailOrThrow), catchError(rethrowAsProblem));
  }

  changeStatus(id: string, request: ConvoyStatusRequest): Observable<ConvoyDetailResponse> {
    return this.http
      .post<unknown>(`${API}/${encodeURIComponent(id)}/status`, request)
      .pipe(map(readDetailOrThrow), catchError(rethrowAsProblem));
  }

  /** Send the same `clientId` again after a failure: the server records the check-in once. */
  checkIn(id: string, request: CheckInRequest & { clientId: string }): Observable<RecordedCheckIn> {
    return this.http.post<unknown>(`${API}/${encodeURIComponent(id)}/check-ins`, request, { observe: 'response' }).pipe(
      map((response) => ({
        event: readEventOrThrow(response.body),
        replayed: response.headers.get('Idempotent-Replayed') === 'true',
      })),
      catchError(rethrowAsProblem),
    );
  }
}

/** A check-in as an outbox entry: what the form hands the outbox when the person presses Send. */
export function checkInDraft(convoyId: string, request: CheckInRequest & { clientId: string }, summary: string): OutboxDraft {
  return { kind: 'check-in', url: `${API}/${encodeURIComponent(convoyId)}/check-ins`, body: { ...request }, summary };
}

/** The server's answer to a check-in the outbox sent. */
export function readSentCheckIn(answer: OutboxAnswer): ConvoyEventResponse {
  return readEventOrThrow(answer.body);
}

/** A status change as an outbox entry, with the version read, so a change made meanwhile is refused rather than overwritten. */
export function statusChangeDraft(convoyId: string, request: ConvoyStatusRequest & { clientId: string }, summary: string): OutboxDraft {
  return { kind: 'convoy-status', url: `${API}/${encodeURIComponent(convoyId)}/status`, body: { ...request }, summary };
}

/** The server's answer to a status change the outbox sent: the convoy as it is now. */
export function readSentStatusChange(answer: OutboxAnswer): ConvoyDetailResponse {
  return readDetailOrThrow(answer.body);
}

/** A 409 for a version someone else moved on from, rather than for a move the table forbids. */
export function isStaleConvoyVersion(problem: Problem): boolean {
  if (problem.status !== 409) return false;
  if (problem.code !== undefined) return problem.code.endsWith('stale_version');
  return /version/i.test(`${problem.title} ${problem.detail ?? ''}`);
}

function isStatus(value: unknown): boolean {
  return (CONVOY_STATUSES as readonly unknown[]).includes(value);
}

export function readConvoyOrThrow(value: unknown): ConvoyResponse {
  if (
    !isRecord(value) ||
    !hasStrings(value, ['id', 'name', 'plannedDepartureAt', 'expectedArrivalAt']) ||
    !hasNumbers(value, ['version', 'checkInIntervalMinutes', 'expectedDurationMinutes', 'vehicleCount']) ||
    !isStatus(value['status']) ||
    !isRecord(value['route']) ||
    !hasStrings(value['route'], ['id', 'name', 'timeZone']) ||
    !Array.isArray(value['route']['stops'])
  ) {
    throw unexpectedAnswer('a convoy');
  }
  return value as unknown as ConvoyResponse;
}

function readDetailOrThrow(value: unknown): ConvoyDetailResponse {
  const convoy = readConvoyOrThrow(value);
  const detail = value as Record<string, unknown>;
  if (!Array.isArray(detail['events']) || !Array.isArray(detail['cargo']) || !Array.isArray(detail['windows'])) {
    throw unexpectedAnswer('a convoy');
  }
  detail['events'].forEach(readEventOrThrow);
  return convoy as ConvoyDetailResponse;
}

export function readEventOrThrow(value: unknown): ConvoyEventResponse {
  if (!isRecord(value) || !hasStrings(value, ['id', 'convoyId', 'kind', 'occurredAt'])) throw unexpectedAnswer('a convoy event');
  return value as unknown as ConvoyEventResponse;
}

function readStatusOrThrow(value: unknown): ConvoyStatusResponse {
  if (!isRecord(value) || !hasStrings(value, ['id', 'organisationId', 'organisationName']) || !isStatus(value['status'])) {
    throw unexpectedAnswer('a convoy status');
  }
  return value as unknown as ConvoyStatusResponse;
}
