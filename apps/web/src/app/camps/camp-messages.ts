/** Shown when an update or close carried a stale `version` (HTTP 409). */
export const CONFLICT_MESSAGE = 'This camp was changed by someone else; reload to see their changes';
