/**
 * Phone widths (Material's "handset" breakpoint): below this the navigation opens over the page
 * from the menu button, and lists show cards instead of tables.
 */
export const NARROW_LAYOUT_QUERY = '(max-width: 599.98px)';
