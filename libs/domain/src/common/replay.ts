/**
 * The one rule for a creating request sent again (a phone that lost the answer, an outbox that
 * re-sends): it carries a client id in the body (`clientId`, a UUID the device made up when the
 * person pressed the button) or an `Idempotency-Key` header. The same key with the same content
 * answers the first result again, with `Idempotent-Replayed: true`; the same key with other
 * content is refused with the one problem code `idempotency.key_reused` (422).
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
/** Longer keys are refused (400): a UUID is 36 characters. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;
export const KEY_REUSED_CODE = 'idempotency.key_reused';
