import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AUDIT_TARGET_KINDS,
  AuditEntryResponse,
  AuditListQuery,
  AuditPersonResponse,
  AuditTarget,
  CreateUserRequest,
  Page,
  ROLES,
  UpdateUserRequest,
  UserResponse,
} from '@relief-ledger/domain';
import { catchError, map, Observable } from 'rxjs';

import { clampPageSize, PageQuery, toParams } from '../core/http/query-params';
import { hasNumbers, hasStrings, isRecord, readPageOrThrow, unexpectedAnswer } from '../core/http/read-json';
import { rethrowAsProblem } from '../core/problems/to-problem';

const API = '/api/v1';

/**
 * Users and the audit trail of the administrator's own organisation (the API scopes every list to
 * it); API tokens are in `ApiTokensApi`, which managers use too. Every call fails with a `ProblemError`.
 */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  listUsers(query: PageQuery = {}): Observable<Page<UserResponse>> {
    return this.http
      .get<unknown>(`${API}/users`, { params: toParams({ ...query, pageSize: clampPageSize(query.pageSize) }) })
      .pipe(
        map((body) => readPageOrThrow(body, readUserOrThrow)),
        catchError(rethrowAsProblem),
      );
  }

  createUser(request: CreateUserRequest): Observable<UserResponse> {
    return this.http.post<unknown>(`${API}/users`, request).pipe(map(readUserOrThrow), catchError(rethrowAsProblem));
  }

  /** Send the `version` last read: a 409 means someone changed the user meanwhile. */
  updateUser(id: string, request: UpdateUserRequest): Observable<UserResponse> {
    return this.http
      .patch<unknown>(`${API}/users/${encodeURIComponent(id)}`, request)
      .pipe(map(readUserOrThrow), catchError(rethrowAsProblem));
  }

  listAudit(query: AuditListQuery = {}): Observable<Page<AuditEntryResponse>> {
    return this.http
      .get<unknown>(`${API}/audit`, { params: toParams({ ...query, pageSize: clampPageSize(query.pageSize) }) })
      .pipe(
        map((body) => readPageOrThrow(body, readAuditEntryOrThrow)),
        catchError(rethrowAsProblem),
      );
  }

  /** Everyone who appears in the organisation's trail: the choices of its filter by person. */
  listAuditPeople(): Observable<AuditPersonResponse[]> {
    return this.http.get<unknown>(`${API}/audit/people`).pipe(
      map((body) => {
        if (!Array.isArray(body)) throw unexpectedAnswer('a list of people');
        return body.map(readPersonOrThrow);
      }),
      catchError(rethrowAsProblem),
    );
  }
}

function readUserOrThrow(value: unknown): UserResponse {
  if (
    !isRecord(value) ||
    !hasStrings(value, ['id', 'name', 'email']) ||
    !hasNumbers(value, ['version']) ||
    typeof value['active'] !== 'boolean' ||
    !(ROLES as readonly unknown[]).includes(value['role'])
  ) {
    throw unexpectedAnswer('a user');
  }
  return value as unknown as UserResponse;
}

function readAuditEntryOrThrow(value: unknown): AuditEntryResponse {
  if (!isRecord(value) || !hasStrings(value, ['id', 'at', 'action', 'entity']) || !Array.isArray(value['changedFields'])) {
    throw unexpectedAnswer('an audit entry');
  }
  // An older server names no record and leads nowhere: the row still shows, in general words.
  const target = value['target'];
  return {
    ...(value as unknown as AuditEntryResponse),
    recordLabel: typeof value['recordLabel'] === 'string' ? value['recordLabel'] : null,
    target: isRecord(target) && typeof target['id'] === 'string' && (AUDIT_TARGET_KINDS as readonly unknown[]).includes(target['kind']) ? (target as unknown as AuditTarget) : null,
  };
}

function readPersonOrThrow(value: unknown): AuditPersonResponse {
  if (!isRecord(value) || !hasStrings(value, ['id', 'name'])) throw unexpectedAnswer('a person of the audit trail');
  return { id: value['id'] as string, name: value['name'] as string };
}
