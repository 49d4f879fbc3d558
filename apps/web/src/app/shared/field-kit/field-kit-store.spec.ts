import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { PendingTasks } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FieldKitResponse, Problem } from '@relief-ledger/domain';
import { firstValueFrom } from 'rxjs';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { ProblemError } from '../../core/problems/problem-error';
import { NETWORK_PROBLEM_TYPE } from '../../core/problems/to-problem';
import { FieldKitCache, StoredFieldKit } from './field-kit-cache';
import { FieldKitSnapshot, FieldKitStore } from './field-kit-store';
import { aFieldKit } from './testing/field-kit-fixtures';

/** The phone's storage, in memory: one copy per user id. */
class MemoryCache {
  readonly kits = new Map<string, FieldKitResponse>();
  read = async (userId: string): Promise<StoredFieldKit | undefined> => {
    const kit = this.kits.get(userId);
    return kit && { userId, kit };
  };
  write = async (userId: string, kit: FieldKitResponse): Promise<void> => void this.kits.set(userId, kit);
  keepOnly = async (userId: string): Promise<void> => {
    for (const key of [...this.kits.keys()]) if (key !== userId) this.kits.delete(key);
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('FieldKitStore', () => {
  let http: HttpTestingController;
  let cache: MemoryCache;

  beforeEach(() => {
    cache = new MemoryCache();
    TestBed.configureTestingModule({
      providers: [{ provide: FieldKitCache, useValue: cache }, provideHttpClient(withFetch()), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  /** Signs in and answers the refresh that signing in starts. */
  async function signedIn(role: 'field' | 'manager' = 'field', id = 'user-field'): Promise<FieldKitStore> {
    const sut = TestBed.inject(FieldKitStore);
    signInAs(role, { id });
    TestBed.tick();
    await settle();
    if (role === 'field') http.expectOne('/api/v1/field-kit').flush(aFieldKit({ asOf: '2019-12-23T12:00:00.000Z' }));
    await settle();
    return sut;
  }

  it('waits at sign-in for the screen being opened to get what it needs before refreshing the kit', async () => {
    TestBed.inject(FieldKitStore);
    // The first screen's work still under way (its requests, on a slow network); the app's HttpClient
    // counts each request this way, which the testing backend leaves out.
    const firstScreenDone = TestBed.inject(PendingTasks).add();
    signInAs('field', { id: 'user-field' });
    TestBed.tick();
    await settle();
    http.expectNone('/api/v1/field-kit');

    firstScreenDone();
    await settle();
    http.expectOne('/api/v1/field-kit').flush(aFieldKit());
    await settle();
  });

  /** Starts a load and lets it reach the network; the answer is awaited once the request is answered. */
  async function load(sut: FieldKitStore): Promise<{ answer: Promise<FieldKitSnapshot> }> {
    const answer = firstValueFrom(sut.load());
    // Caught here so an expected failure is not reported as unhandled before the spec awaits it.
    answer.catch(() => undefined);
    await settle();
    return { answer };
  }

  it('reads the kit from the server and keeps a copy under the user id', async () => {
    const sut = await signedIn();

    const { answer: loaded } = await load(sut);
    http.expectOne('/api/v1/field-kit').flush(aFieldKit({ asOf: '2019-12-23T12:30:00.000Z' }));

    expect(await loaded).toMatchObject({ fromCache: false, kit: { asOf: '2019-12-23T12:30:00.000Z' } });
    await settle();
    expect(cache.kits.get('user-field')?.asOf).toBe('2019-12-23T12:30:00.000Z');
  });

  it("answers with the user's stored copy when the server cannot be reached", async () => {
    const sut = await signedIn();

    const { answer: loaded } = await load(sut);
    http.expectOne('/api/v1/field-kit').error(new ProgressEvent('error'));

    expect(await loaded).toMatchObject({ fromCache: true, kit: { asOf: '2019-12-23T12:00:00.000Z' } });
    expect(sut.latest()?.fromCache).toBe(true);
  });

  it("passes on the server's refusal rather than showing an old copy", async () => {
    const sut = await signedIn();

    const { answer: loaded } = await load(sut);
    http.expectOne('/api/v1/field-kit').flush({ type: 'about:blank', title: 'Forbidden', status: 403, code: 'auth.forbidden' }, { status: 403, statusText: 'Forbidden' });

    await expect(loaded).rejects.toBeInstanceOf(ProblemError);
  });

  it('says there is no connection when nothing was kept', async () => {
    const sut = await signedIn();
    cache.kits.clear();

    const { answer: loaded } = await load(sut);
    http.expectOne('/api/v1/field-kit').error(new ProgressEvent('error'));

    const problem: Problem = await loaded.then(
      () => ({ type: 'none', title: 'none', status: 0 }),
      (error: ProblemError) => error.problem,
    );
    expect(problem.type).toBe(NETWORK_PROBLEM_TYPE);
  });

  it("drops another user's copy when someone signs in, and keeps the new user's fresh", async () => {
    cache.kits.set('user-previous', aFieldKit());

    await signedIn('field', 'user-next');

    expect([...cache.kits.keys()]).toEqual(['user-next']);
  });

  it('neither asks for nor keeps a kit for a role without one', async () => {
    cache.kits.set('user-previous', aFieldKit());

    await signedIn('manager', 'user-manager');

    http.expectNone('/api/v1/field-kit');
    expect([...cache.kits.keys()]).toEqual([]);
  });

  it('refreshes the copy when the browser comes back online', async () => {
    await signedIn();

    window.dispatchEvent(new Event('online'));
    http.expectOne('/api/v1/field-kit').flush(aFieldKit({ asOf: '2019-12-23T13:00:00.000Z' }));
    await settle();

    expect(cache.kits.get('user-field')?.asOf).toBe('2019-12-23T13:00:00.000Z');
  });
});
