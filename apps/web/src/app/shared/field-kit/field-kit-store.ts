import { ApplicationRef, DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { FieldKitResponse } from '@relief-ledger/domain';
import { catchError, defer, from, map, Observable, tap, throwError } from 'rxjs';

import { SessionStore } from '../../core/auth/session-store';
import { firstScreenSettled } from '../../core/first-screen/first-screen-settled';
import { ProblemError } from '../../core/problems/problem-error';
import { BROWSER_PROBLEM_CODES, NETWORK_FAILURE_MESSAGE, NETWORK_PROBLEM_TYPE, NO_RESPONSE_STATUS, toProblem } from '../../core/problems/to-problem';
import { FieldKitApi } from './field-kit-api';
import { FieldKitCache } from './field-kit-cache';

/** The field kit a screen shows, and whether it is this phone's copy rather than the server's answer just now. */
export interface FieldKitSnapshot {
  kit: FieldKitResponse;
  /** Read from this phone's copy: say "as of" its time. */
  fromCache: boolean;
}

/**
 * The field screens' data: from the server when it answers, stored on the phone each time; from
 * the stored copy when there is no connection. Created at app start (see app.config.ts), it also
 * refreshes the copy at sign-in and whenever the browser comes back online, so that the copy is
 * as fresh as the last moment of connection, not as the last visit to a form.
 */
@Injectable({ providedIn: 'root' })
export class FieldKitStore {
  private readonly api = inject(FieldKitApi);
  private readonly cache = inject(FieldKitCache);
  private readonly session = inject(SessionStore);
  private readonly app = inject(ApplicationRef);
  private readonly latestSnapshot = signal<FieldKitSnapshot | undefined>(undefined);
  /** The last kit loaded, by any screen. */
  readonly latest = this.latestSnapshot.asReadonly();

  constructor() {
    effect(() => {
      const userId = this.session.session()?.user.id;
      if (!userId) return;
      untracked(() => {
        void this.cache.keepOnly(userId);
        // After the screen being opened has what it needs: a form that needs the kit asks for it itself (load()).
        void firstScreenSettled(this.app).then(() => this.refresh());
      });
    });
    if (typeof window !== 'undefined') {
      const refreshOnline = () => this.refresh();
      window.addEventListener('online', refreshOnline);
      inject(DestroyRef).onDestroy(() => window.removeEventListener('online', refreshOnline));
    }
  }

  /**
   * The kit from the server, or offline the signed-in user's stored copy. Fails with a
   * `ProblemError`: the server's refusal as it is, or no connection with nothing stored.
   */
  load(): Observable<FieldKitSnapshot> {
    return defer(() => {
      const userId = this.session.session()?.user.id;
      const stored = () => this.stored(userId);
      // The browser knows it is offline: no request to wait on.
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return stored();
      return this.api.getFieldKit().pipe(
        tap((kit) => userId && void this.cache.write(userId, kit)),
        map((kit): FieldKitSnapshot => ({ kit, fromCache: false })),
        catchError((error: unknown) => (toProblem(error).type === NETWORK_PROBLEM_TYPE ? this.stored(userId, error) : throwError(() => error))),
      );
    }).pipe(tap((snapshot) => this.latestSnapshot.set(snapshot)));
  }

  private stored(userId: string | undefined, networkError?: unknown): Observable<FieldKitSnapshot> {
    return from(userId ? this.cache.read(userId) : Promise.resolve(undefined)).pipe(
      map((stored) => {
        if (stored) return { kit: stored.kit, fromCache: true };
        // Offline with nothing kept: the same "no connection" as a request that failed.
        throw networkError ?? new ProblemError({ type: NETWORK_PROBLEM_TYPE, title: NETWORK_FAILURE_MESSAGE, status: NO_RESPONSE_STATUS, code: BROWSER_PROBLEM_CODES.network });
      }),
    );
  }

  /** For users whose role has the field kit; others have no field form to fill. */
  private refresh(): void {
    if (!this.session.can('field.kit')) return;
    this.load().subscribe({ error: () => undefined });
  }
}
