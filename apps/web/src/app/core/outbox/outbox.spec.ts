import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { signInAs } from '../auth/testing/session-fixtures';
import { ProblemError } from '../problems/problem-error';
import { Outbox, OutboxDraft } from './outbox';
import { MemoryOutboxStore, OUTBOX_STORE } from './outbox-store';

const URL = '/api/v1/distributions';

function aDraft(clientId: string): OutboxDraft {
  return { kind: 'distribution', url: URL, body: { clientId, itemId: 'item', quantity: 20 }, summary: '20 family tents' };
}

const read = (answer: { body: unknown }) => answer.body;

async function nextRequest(http: HttpTestingController): Promise<TestRequest> {
  for (let turn = 0; turn < 100; turn++) {
    const found = http.match(URL);
    if (found.length > 0) return found[0];
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  throw new Error('no request was made');
}

async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('Outbox', () => {
  let sut: Outbox;
  let http: HttpTestingController;
  let store: MemoryOutboxStore;
  let online: jest.SpyInstance<boolean, []>;

  beforeEach(() => {
    store = new MemoryOutboxStore();
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting(), { provide: OUTBOX_STORE, useValue: store }] });
    signInAs('field');
    sut = TestBed.inject(Outbox);
    http = TestBed.inject(HttpTestingController);
    online = jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(true);
  });

  afterEach(() => {
    online.mockRestore();
    http.verify();
  });

  it('sends a new entry at once with its client id as the key, and answers the form with the server\'s answer', async () => {
    const outcome = firstValueFrom(sut.send(aDraft('c1'), read));

    const request = await nextRequest(http);
    expect(request.request.headers.get('Idempotency-Key')).toBe('c1');
    expect(request.request.body).toEqual(expect.objectContaining({ clientId: 'c1', distributedAt: expect.any(String) }));
    request.flush({ id: 'd1' }, { status: 201, statusText: 'Created' });

    expect(await outcome).toEqual({ sent: true, value: { id: 'd1' }, replayed: false });
    await settle();
    expect(sut.unsentCount()).toBe(0);
    expect(sut.entries()[0].state).toBe('sent');
  });

  it('keeps the entry on the phone when the connection fails, to try again after a backoff', async () => {
    const outcome = firstValueFrom(sut.send(aDraft('c1'), read));

    (await nextRequest(http)).error(new ProgressEvent('error'), { status: 0 });

    const queued = await outcome;
    expect(queued.sent).toBe(false);
    const [entry] = await store.all();
    expect(entry).toEqual(expect.objectContaining({ state: 'waiting', attempts: 1, retries: 1 }));
    expect(Date.parse(entry.nextAttemptAt)).toBeGreaterThan(Date.now());
    expect(entry.lastError?.code).toBe('app.network');
    expect(sut.unsentCount()).toBe(1);
  });

  it('sends nothing while the browser is offline, and says the entry is kept', async () => {
    online.mockReturnValue(false);

    const outcome = await firstValueFrom(sut.send(aDraft('c1'), read));

    expect(outcome.sent).toBe(false);
    http.expectNone(URL);
    expect((await store.all())[0]).toEqual(expect.objectContaining({ state: 'waiting', attempts: 0 }));
  });

  it('retries a lost answer with the same key and takes the replay as sent', async () => {
    const first = firstValueFrom(sut.send(aDraft('c1'), read));
    (await nextRequest(http)).error(new ProgressEvent('abort'), { status: 0 });
    await first;

    const again = sut.sendNow('c1');
    const retry = await nextRequest(http);
    expect(retry.request.headers.get('Idempotency-Key')).toBe('c1');
    retry.flush({ id: 'd1' }, { status: 201, statusText: 'Created', headers: { 'Idempotent-Replayed': 'true' } });
    await again;
    await settle();

    expect((await store.get('c1'))?.answer).toEqual({ status: 201, body: { id: 'd1' }, replayed: true });
    expect(sut.unsentCount()).toBe(0);
  });

  it('hands a refusal back to the form that is waiting, without keeping a copy', async () => {
    const outcome = firstValueFrom(sut.send(aDraft('c1'), read));

    (await nextRequest(http)).flush({ type: 'about:blank', title: 'Only 40 available', status: 409, code: 'stock.insufficient' }, { status: 409, statusText: 'Conflict' });

    await expect(outcome).rejects.toBeInstanceOf(ProblemError);
    expect(await store.all()).toEqual([]);
  });

  it('keeps a refused entry as needing attention, with the server\'s problem, when no form is waiting', async () => {
    online.mockReturnValue(false);
    await firstValueFrom(sut.send(aDraft('c1'), read));
    online.mockReturnValue(true);

    const drained = sut.drain(true);
    (await nextRequest(http)).flush({ type: 'about:blank', title: 'Only 40 available', status: 409, code: 'stock.insufficient' }, { status: 409, statusText: 'Conflict' });
    await drained;

    const [entry] = await store.all();
    expect(entry.state).toBe('needs-attention');
    expect(entry.lastError?.code).toBe('stock.insufficient');
    expect(sut.unsentCount()).toBe(1);
  });

  it('never sends nor shows another user\'s entries', async () => {
    online.mockReturnValue(false);
    await firstValueFrom(sut.send(aDraft('theirs'), read));
    signInAs('coordinator');
    TestBed.tick();
    online.mockReturnValue(true);

    await sut.drain(true);
    await settle();

    http.expectNone(URL);
    expect(sut.entries()).toEqual([]);
    expect((await store.all()).map((entry) => entry.userId)).toEqual(['user-field']);
  });

  it('keeps one entry for two presses with the same client id', async () => {
    online.mockReturnValue(false);
    await firstValueFrom(sut.send(aDraft('c1'), read));
    await firstValueFrom(sut.send(aDraft('c1'), read));

    expect(await store.all()).toHaveLength(1);
  });

  it('shows the newest read of the store when an older read answers last (another tab wrote meanwhile)', async () => {
    online.mockReturnValue(false);
    await firstValueFrom(sut.send(aDraft('c1'), read));
    const stored = store.all.bind(store);
    let firstRead = true;
    jest.spyOn(store, 'all').mockImplementation(async () => {
      const entries = await stored();
      // The first read is slow to answer: without an order it would land after the second.
      if (firstRead) {
        firstRead = false;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return entries;
    });

    const older = sut.refresh();
    await store.put({ ...(await stored())[0], id: 'c2', seq: 2 });
    const newer = sut.refresh();
    await Promise.all([older, newer]);

    expect(sut.entries().map((entry) => entry.id)).toEqual(['c1', 'c2']);
    expect(sut.unsentCount()).toBe(2);
  });

  it('exports the entries as a JSON file someone can enter by hand', async () => {
    online.mockReturnValue(false);
    await firstValueFrom(sut.send(aDraft('c1'), read));

    const file = JSON.parse(sut.exportJson()) as { entries: { id: string; body: unknown; summary: string }[] };

    expect(file.entries).toEqual([expect.objectContaining({ id: 'c1', summary: '20 family tents', body: expect.objectContaining({ quantity: 20 }) })]);
  });
});
