import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';

import { isRecord } from '../http/read-json';
import { AUTH_API, WRONG_PASSWORD_CODE } from './auth-api';
import { SessionStore } from './session-store';
import { signInRedirect } from './sign-in-redirect';

/**
 * A 401 from the API means the session ended on the server (expired, signed out elsewhere, or the
 * user was disabled): forget it here and go to sign in, coming back to the same page afterwards.
 * The auth endpoints answer 401 as part of their own job (wrong password, no session yet) and are
 * left to their callers. The error still reaches the caller, so nothing waits on an answer forever.
 */
export const sessionExpiredInterceptor: HttpInterceptorFn = (request, next) => {
  const store = inject(SessionStore);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && request.url.startsWith('/api/') && !isOwnAnswer(request.url, error)) {
        store.endSession();
        // During a navigation (a guard or a lazy page asking) the page being opened is the one to return to.
        const currentUrl = router.currentNavigation()?.finalUrl?.toString() ?? router.url;
        if (!currentUrl.startsWith('/sign-in')) void router.navigateByUrl(signInRedirect(router, currentUrl));
      }
      return throwError(() => error);
    }),
  );
};

/**
 * Sign-in, the session check and sign-out answer 401 as part of their job. Changing the password does
 * so only for a wrong current password; any other 401 there means the session itself has ended.
 */
function isOwnAnswer(url: string, error: HttpErrorResponse): boolean {
  if (!url.startsWith(`${AUTH_API}/`)) return false;
  if (url === `${AUTH_API}/password`) return isRecord(error.error) && error.error['code'] === WRONG_PASSWORD_CODE;
  return true;
}
