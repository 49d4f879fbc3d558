import { computed, inject, Injectable, signal } from '@angular/core';
import { can, Permission, SessionResponse, SignInRequest } from '@relief-ledger/domain';
import { firstValueFrom, Observable, tap } from 'rxjs';

import { AuthApi } from './auth-api';
import { lastSession } from './last-session';

/**
 * Who is signed in, for the whole app. The server decides on every request; this copy only lets
 * the app hide what the role cannot do and send the signed-out to the sign-in page.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(AuthApi);
  private readonly current = signal<SessionResponse | null>(null);
  private readonly role = computed(() => this.current()?.user.role);
  /** Set once the server has said who is signed in, or someone signed in or out since. */
  private known = false;
  private loading: Promise<SessionResponse | null> | undefined;

  readonly session = this.current.asReadonly();
  readonly signedIn = computed(() => this.current() !== null);

  /** Whether the signed-in role may do this; false when signed out. Reactive in templates and `computed()`. */
  can(permission: Permission): boolean {
    const role = this.role();
    return role !== undefined && can({ role, permission });
  }

  /** Whether the signed-in role has at least one of these permissions; false when signed out. */
  canAny(permissions: readonly Permission[]): boolean {
    return permissions.some((permission) => this.can(permission));
  }

  /**
   * Asks the server once who is signed in (a cookie from an earlier visit may still be valid); later
   * calls answer from memory. When the server cannot be reached the answer is the last session this
   * browser had (see `lastSession`: a field worker offline keeps their screens), or "signed out" if none,
   * and the next call asks again.
   */
  ensureLoaded(): Promise<SessionResponse | null> {
    if (this.known) return Promise.resolve(this.current());
    this.loading ??= firstValueFrom(this.api.getSession()).then(
      (session) => {
        this.loading = undefined;
        // A sign-in or sign-out that finished meanwhile is newer than this answer.
        if (!this.known) {
          this.known = true;
          this.current.set(session);
          lastSession.write(session);
        }
        return this.current();
      },
      () => {
        this.loading = undefined;
        if (!this.known && this.current() === null) this.current.set(lastSession.read());
        return this.current();
      },
    );
    return this.loading;
  }

  /** Fails with a `SignInError`. */
  signIn(request: SignInRequest): Observable<SessionResponse> {
    return this.api.signIn(request).pipe(tap((session) => this.startSession(session)));
  }

  /** Fails with a `ProblemError`; the session stays as it was, since the server may still honour the cookie. */
  signOut(): Observable<void> {
    return this.api.signOut().pipe(tap(() => this.endSession()));
  }

  startSession(session: SessionResponse): void {
    this.known = true;
    this.current.set(session);
    lastSession.write(session);
  }

  /** Forgets the session here, for when the server said it has ended. */
  endSession(): void {
    this.known = true;
    this.current.set(null);
    lastSession.write(null);
  }
}
