import { OutboxKind } from './outbox-entry';

/** The field each kind says when it happened in; the server takes "now" when it is left out. */
const WHEN_FIELD: Readonly<Record<OutboxKind, string>> = {
  distribution: 'distributedAt',
  'check-in': 'occurredAt',
  'convoy-status': 'occurredAt',
  incident: 'occurredAt',
};

/**
 * An entry sent an hour late must still say when it happened, not when the connection came
 * back: a body without a time gets the press's.
 */
export function stampWhen({ kind, body, pressedAt }: { kind: OutboxKind; body: Record<string, unknown>; pressedAt: Date }): Record<string, unknown> {
  const field = WHEN_FIELD[kind];
  if (typeof body[field] === 'string' && body[field] !== '') return body;
  return { ...body, [field]: pressedAt.toISOString() };
}
