import { classifyAnswer } from './classify-answer';
import { OUTBOX_FIRST_DELAY_MS, OUTBOX_MAX_DELAY_MS, outboxRetryDelay } from './outbox-backoff';
import { OutboxEntry } from './outbox-entry';
import { inSendingOrder, nextToSend } from './next-to-send';
import { stampWhen } from './stamp-when';

function entry(overrides: Partial<OutboxEntry>): OutboxEntry {
  return {
    id: 'e1',
    userId: 'u1',
    kind: 'distribution',
    method: 'POST',
    url: '/api/v1/distributions',
    body: {},
    createdAt: '2019-12-23T10:00:00.000Z',
    seq: 1,
    state: 'waiting',
    attempts: 0,
    retries: 0,
    nextAttemptAt: '2019-12-23T10:00:00.000Z',
    summary: '',
    ...overrides,
  };
}

describe('outboxRetryDelay', () => {
  it('waits a few seconds after the first failure', () => {
    expect(outboxRetryDelay({ attempts: 1, random: 0.999 })).toBeLessThanOrEqual(OUTBOX_FIRST_DELAY_MS);
    expect(outboxRetryDelay({ attempts: 1, random: 0 })).toBe(OUTBOX_FIRST_DELAY_MS / 2);
  });

  it('doubles with each failed attempt', () => {
    expect(outboxRetryDelay({ attempts: 3, random: 0 })).toBe(2 * outboxRetryDelay({ attempts: 2, random: 0 }));
  });

  it('never waits more than five minutes, however many attempts failed', () => {
    for (const attempts of [8, 9, 20, 1000]) expect(outboxRetryDelay({ attempts, random: 0.999999 })).toBeLessThanOrEqual(OUTBOX_MAX_DELAY_MS);
    expect(outboxRetryDelay({ attempts: 50, random: 0.999999 })).toBeGreaterThan(OUTBOX_MAX_DELAY_MS * 0.99);
  });

  it('spreads phones that failed together over the upper half of the delay', () => {
    const low = outboxRetryDelay({ attempts: 4, random: 0 });
    const high = outboxRetryDelay({ attempts: 4, random: 0.99 });
    expect(high).toBeGreaterThan(low);
    expect(low).toBe(OUTBOX_FIRST_DELAY_MS * 4);
  });
});

describe('classifyAnswer', () => {
  it.each([200, 201])('takes %i (created, or replayed for the same id) as sent', (status) => {
    expect(classifyAnswer({ status })).toBe('sent');
  });

  it.each([0, 408, 429, 500, 502, 503, 504])('retries after %i: it may not have arrived, or the server cannot take it now', (status) => {
    expect(classifyAnswer({ status })).toBe('retry');
  });

  it.each([400, 403, 404, 409, 422])('asks a person after %i: the server looked at it and refused', (status) => {
    expect(classifyAnswer({ status })).toBe('refused');
  });

  it('waits for the same user to sign in again after 401', () => {
    expect(classifyAnswer({ status: 401 })).toBe('signed-out');
  });
});

describe('nextToSend', () => {
  const now = new Date('2019-12-23T10:05:00.000Z');

  it('sends the oldest press first, whatever order they were stored in', () => {
    const entries = [entry({ id: 'b', seq: 2 }), entry({ id: 'a', seq: 1 })];
    expect(nextToSend({ entries, userId: 'u1', now, force: false })?.id).toBe('a');
  });

  it('never sends another user\'s entries', () => {
    const entries = [entry({ id: 'theirs', userId: 'u2', seq: 1 }), entry({ id: 'mine', seq: 2 })];
    expect(nextToSend({ entries, userId: 'u1', now, force: false })?.id).toBe('mine');
    expect(nextToSend({ entries: [entry({ userId: 'u2' })], userId: 'u1', now, force: false })).toBeNull();
  });

  it('lets a refused entry wait for a person without holding the others back', () => {
    const entries = [entry({ id: 'refused', seq: 1, state: 'needs-attention' }), entry({ id: 'next', seq: 2 })];
    expect(nextToSend({ entries, userId: 'u1', now, force: false })?.id).toBe('next');
  });

  it('skips what the server already has', () => {
    expect(nextToSend({ entries: [entry({ state: 'sent' })], userId: 'u1', now, force: false })).toBeNull();
  });

  it('takes up an entry left "sending" by a tab that closed mid-attempt', () => {
    expect(nextToSend({ entries: [entry({ state: 'sending' })], userId: 'u1', now, force: false })?.id).toBe('e1');
  });

  it('waits for the oldest entry\'s backoff, keeping the order', () => {
    const entries = [entry({ id: 'a', seq: 1, nextAttemptAt: '2019-12-23T10:06:00.000Z' }), entry({ id: 'b', seq: 2 })];
    expect(nextToSend({ entries, userId: 'u1', now, force: false })).toBeNull();
  });

  it('sends at once when forced (Send now, or a new press while online)', () => {
    const entries = [entry({ id: 'a', nextAttemptAt: '2019-12-23T10:06:00.000Z' })];
    expect(nextToSend({ entries, userId: 'u1', now, force: true })?.id).toBe('a');
  });
});

describe('inSendingOrder', () => {
  it('orders by press, not by id or time string', () => {
    const sut = inSendingOrder([entry({ id: 'z', seq: 3 }), entry({ id: 'a', seq: 5 }), entry({ id: 'm', seq: 1 })]);
    expect(sut.map((e) => e.id)).toEqual(['m', 'z', 'a']);
  });
});

describe('stampWhen', () => {
  const pressedAt = new Date('2019-12-23T13:55:00.000Z');

  it('says a distribution happened at the press, not when the connection came back', () => {
    expect(stampWhen({ kind: 'distribution', body: { quantity: 1 }, pressedAt })).toEqual({ quantity: 1, distributedAt: '2019-12-23T13:55:00.000Z' });
  });

  it.each(['check-in', 'convoy-status', 'incident'] as const)('stamps occurredAt on a %s', (kind) => {
    expect(stampWhen({ kind, body: {}, pressedAt })).toEqual({ occurredAt: '2019-12-23T13:55:00.000Z' });
  });

  it('keeps a time the person typed', () => {
    expect(stampWhen({ kind: 'incident', body: { occurredAt: '2019-12-23T09:00:00.000Z' }, pressedAt })).toEqual({ occurredAt: '2019-12-23T09:00:00.000Z' });
  });
});
