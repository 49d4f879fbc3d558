export interface NavItem {
  path: string;
  label: string;
}

/**
 * Top-level screens, in menu order. Dashboard, Distributions, Stock and Convoys join this list as
 * their feature folders land, each with its lazy route in `app.routes.ts`.
 */
export const NAV_ITEMS: readonly NavItem[] = [{ path: '/camps', label: 'Camps' }];
