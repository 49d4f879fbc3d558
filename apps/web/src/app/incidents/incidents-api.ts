import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CreateIncidentRequest, INCIDENT_KINDS, IncidentListQuery, IncidentResponse, Page } from '@relief-ledger/domain';
import { catchError, map, Observable } from 'rxjs';

import { clampPageSize, toParams } from '../core/http/query-params';
import { OutboxDraft } from '../core/outbox/outbox';
import { OutboxAnswer } from '../core/outbox/outbox-entry';
import { hasNumbers, hasStrings, isRecord, readPageOrThrow, unexpectedAnswer } from '../core/http/read-json';
import { rethrowAsProblem } from '../core/problems/to-problem';

const API = '/api/v1/incidents';

/** `code` of the 422 for a client id the server has already seen with another report. */
// The replay rule's one code, from the contract.
export { KEY_REUSED_CODE as INCIDENT_KEY_REUSED_CODE } from '@relief-ledger/domain';

export interface ReportedIncident {
  incident: IncidentResponse;
  /** The server had this report already (a re-send after a lost answer) and answered it again. */
  replayed: boolean;
}

/** Incidents, shared by every organisation. Every call fails with a `ProblemError`. */
@Injectable({ providedIn: 'root' })
export class IncidentsApi {
  private readonly http = inject(HttpClient);

  /** Newest first. */
  listIncidents(query: IncidentListQuery = {}): Observable<Page<IncidentResponse>> {
    return this.http.get<unknown>(API, { params: toParams({ ...query, pageSize: clampPageSize(query.pageSize) }) }).pipe(
      map((body) => readPageOrThrow(body, readIncidentOrThrow)),
      catchError(rethrowAsProblem),
    );
  }

  getIncident(id: string): Observable<IncidentResponse> {
    return this.http.get<unknown>(`${API}/${encodeURIComponent(id)}`).pipe(map(readIncidentOrThrow), catchError(rethrowAsProblem));
  }

  /** Send the same `clientId` again after a failure: the server records the incident once. */
  reportIncident(request: CreateIncidentRequest & { clientId: string }): Observable<ReportedIncident> {
    return this.http.post<unknown>(API, request, { observe: 'response' }).pipe(
      map((response) => ({
        incident: readIncidentOrThrow(response.body),
        replayed: response.headers.get('Idempotent-Replayed') === 'true',
      })),
      catchError(rethrowAsProblem),
    );
  }
}

/** An incident report as an outbox entry: what the form hands the outbox when the person presses Send. */
export function incidentDraft(request: CreateIncidentRequest & { clientId: string }, summary: string): OutboxDraft {
  return { kind: 'incident', url: API, body: { ...request }, summary };
}

/** The server's answer to a report the outbox sent. */
export function readSentIncident(answer: OutboxAnswer): IncidentResponse {
  return readIncidentOrThrow(answer.body);
}

export function readIncidentOrThrow(value: unknown): IncidentResponse {
  if (
    !isRecord(value) ||
    !hasStrings(value, ['id', 'occurredAt', 'description']) ||
    !hasNumbers(value, ['killed', 'injured']) ||
    !(INCIDENT_KINDS as readonly unknown[]).includes(value['kind'])
  ) {
    throw unexpectedAnswer('an incident');
  }
  return value as unknown as IncidentResponse;
}
