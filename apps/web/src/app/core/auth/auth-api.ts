import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ChangePasswordRequest, PreferencesRequest, Problem, ROLES, SessionResponse, SignInRequest } from '@relief-ledger/domain';
import { catchError, map, Observable, of, throwError } from 'rxjs';

import { hasStrings, isRecord, unexpectedAnswer } from '../http/read-json';
import { ProblemError } from '../problems/problem-error';
import { rethrowAsProblem, toProblem } from '../problems/to-problem';
import { readRetryAfter } from './retry-after';

export const AUTH_API = '/api/v1/auth';

/** `code` of the 401 a password change answers when the current password is wrong: the session is fine. */
export const WRONG_PASSWORD_CODE = 'auth.wrong_password';

/** A refused sign-in. `retryAt` is set when the API throttled the attempts and said until when (429). */
export class SignInError extends ProblemError {
  constructor(
    problem: Problem,
    readonly retryAt?: Date,
  ) {
    super(problem);
    this.name = 'SignInError';
  }
}

/**
 * Sign-in, sign-out, "who am I" and changing one's password. The session is an HttpOnly cookie the browser keeps and sends
 * by itself: no token ever passes through this code, so a script injected into the page cannot steal it.
 */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  /** Fails with a `SignInError`. */
  signIn(request: SignInRequest): Observable<SessionResponse> {
    return this.http.post<unknown>(`${AUTH_API}/sign-in`, request).pipe(
      map(readSessionOrThrow),
      catchError((error: unknown) => {
        const retryAt =
          error instanceof HttpErrorResponse && error.status === 429
            ? readRetryAfter({ header: error.headers.get('Retry-After'), now: new Date() })
            : undefined;
        return throwError(() => new SignInError(toProblem(error), retryAt));
      }),
    );
  }

  /** Ends the session on the server. Already ended (401) counts as done. */
  signOut(): Observable<void> {
    return this.http.post(`${AUTH_API}/sign-out`, null).pipe(
      map(() => undefined),
      catchError((error: unknown) => (isUnauthorized(error) ? of(undefined) : rethrowAsProblem(error))),
    );
  }

  /**
   * Replaces the signed-in user's password; the server ends their other sessions and keeps this one.
   * Fails with a `ProblemError`: 401 `auth.wrong_password` when the current password is wrong, 400
   * with field errors when the new one is refused.
   */
  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post(`${AUTH_API}/password`, request).pipe(
      map(() => undefined),
      catchError(rethrowAsProblem),
    );
  }

  /** Stores the user's language or digits on the server, so that they follow them to another phone; answers the session. */
  savePreferences(request: PreferencesRequest): Observable<SessionResponse> {
    return this.http.put<unknown>(`${AUTH_API}/preferences`, request).pipe(map(readSessionOrThrow), catchError(rethrowAsProblem));
  }

  /** The current session, or null when no one is signed in. */
  getSession(): Observable<SessionResponse | null> {
    return this.http.get<unknown>(`${AUTH_API}/session`).pipe(
      map(readSessionOrThrow),
      catchError((error: unknown) => (isUnauthorized(error) ? of(null) : rethrowAsProblem(error))),
    );
  }
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 401;
}

function readSessionOrThrow(value: unknown): SessionResponse {
  const user = isRecord(value) ? value['user'] : undefined;
  const organisation = isRecord(value) ? value['organisation'] : undefined;
  if (
    !isRecord(value) ||
    !isRecord(user) ||
    !isRecord(organisation) ||
    !hasStrings(user, ['id', 'name', 'email']) ||
    !(ROLES as readonly unknown[]).includes(user['role']) ||
    !hasStrings(organisation, ['id', 'name', 'shortCode'])
  ) {
    throw unexpectedAnswer('a session');
  }
  return value as unknown as SessionResponse;
}
