/**
 * Where a signed-in user starts: after signing in without a page to return to, at `/`, and for an
 * address the app does not know. The overview answers "what needs me now?" for every role.
 */
export const HOME_PAGE = '/overview';
