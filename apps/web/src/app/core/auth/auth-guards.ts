import { inject } from '@angular/core';
import { CanActivateFn, RedirectCommand, Router } from '@angular/router';
import { Permission } from '@relief-ledger/domain';

import { HOME_PAGE } from './home-page';
import { safeReturnUrl } from './safe-return-url';
import { SessionStore } from './session-store';
import { signInRedirect } from './sign-in-redirect';

/** Lets the signed-in through; sends anyone else to sign in, and back here afterwards. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const store = inject(SessionStore);
  const router = inject(Router);
  const session = await store.ensureLoaded();
  return session ? true : signInRedirect(router, state.url);
};

/**
 * Lets through the roles that have any of `permissions`. Others see the "no access" page at the address
 * they asked for (so they can tell someone which), rather than a page that fails on every request.
 */
export function permissionGuard(...permissions: [Permission, ...Permission[]]): CanActivateFn {
  return async (_route, state) => {
    const store = inject(SessionStore);
    const router = inject(Router);
    const session = await store.ensureLoaded();
    if (!session) return signInRedirect(router, state.url);
    if (store.canAny(permissions)) return true;
    return new RedirectCommand(router.parseUrl('/forbidden'), { browserUrl: state.url });
  };
}

/** For the sign-in page: someone already signed in goes on to where they were headed. */
export const signedOutGuard: CanActivateFn = async (route) => {
  const store = inject(SessionStore);
  const router = inject(Router);
  const session = await store.ensureLoaded();
  if (!session) return true;
  return router.parseUrl(safeReturnUrl(route.queryParamMap.get('returnUrl')) ?? HOME_PAGE);
};
