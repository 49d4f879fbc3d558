import { ActivatedRouteSnapshot, Data } from '@angular/router';

/**
 * Route data of a page shown without the toolbar and the navigation, such as a report's print
 * view: what prints is the page, and a phone shows it whole.
 */
export const BARE_LAYOUT: Data = { bareLayout: true };

/** Whether the page on show, or a route above it, asked for `BARE_LAYOUT`. */
export function wantsBareLayout(root: ActivatedRouteSnapshot | null): boolean {
  for (let route = root; route; route = route.firstChild) {
    if (route.data['bareLayout'] === true) return true;
  }
  return false;
}
