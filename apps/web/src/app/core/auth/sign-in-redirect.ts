import { Router, UrlTree } from '@angular/router';

import { safeReturnUrl } from './safe-return-url';

/** The sign-in page, told to come back to `returnUrl` afterwards (unless it is not worth coming back to). */
export function signInRedirect(router: Router, returnUrl: string | undefined): UrlTree {
  const back = safeReturnUrl(returnUrl);
  return router.createUrlTree(['/sign-in'], { queryParams: back && back !== '/' ? { returnUrl: back } : {} });
}
