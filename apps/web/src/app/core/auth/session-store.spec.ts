import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { ProblemError } from '../problems/problem-error';
import { SignInError } from './auth-api';
import { SessionStore } from './session-store';
import { aSession } from './testing/session-fixtures';

describe('SessionStore', () => {
  let sut: SessionStore;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting()] });
    sut = TestBed.inject(SessionStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const unauthorized = { status: 401, statusText: 'Unauthorized' };

  it('loads the session from the server once', async () => {
    const first = sut.ensureLoaded();
    const second = sut.ensureLoaded();
    http.expectOne({ method: 'GET', url: '/api/v1/auth/session' }).flush(aSession('field'));

    expect(await first).toEqual(aSession('field'));
    expect(await second).toEqual(aSession('field'));
    expect(await sut.ensureLoaded()).toEqual(aSession('field'));
    expect(sut.session()?.user.role).toBe('field');
  });

  it('takes a 401 from the session endpoint as signed out', async () => {
    const loaded = sut.ensureLoaded();
    http.expectOne('/api/v1/auth/session').flush({ code: 'auth.required' }, unauthorized);

    expect(await loaded).toBeNull();
    expect(sut.signedIn()).toBe(false);
  });

  it('asks again on the next call when the server could not be reached', async () => {
    const first = sut.ensureLoaded();
    http.expectOne('/api/v1/auth/session').error(new ProgressEvent('error'));
    expect(await first).toBeNull();

    const second = sut.ensureLoaded();
    http.expectOne('/api/v1/auth/session').flush(aSession());

    expect(await second).toEqual(aSession());
  });

  it('answers with the last session of this browser while the server cannot be reached, and forgets it on signing out', async () => {
    sut.startSession(aSession('field'));
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting()] });
    const reopened = TestBed.inject(SessionStore);
    http = TestBed.inject(HttpTestingController);

    const offline = reopened.ensureLoaded();
    http.expectOne('/api/v1/auth/session').error(new ProgressEvent('error'));
    expect((await offline)?.user.role).toBe('field');

    reopened.endSession();
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting()] });
    const afterSignOut = TestBed.inject(SessionStore);
    http = TestBed.inject(HttpTestingController);
    const signedOut = afterSignOut.ensureLoaded();
    http.expectOne('/api/v1/auth/session').error(new ProgressEvent('error'));
    expect(await signedOut).toBeNull();
  });

  it('refuses an answer that is not a session', async () => {
    const loaded = sut.ensureLoaded();
    http.expectOne('/api/v1/auth/session').flush({ user: { id: 'u-1', name: 'x', email: 'x@y', role: 'root' } });

    expect(await loaded).toBeNull();
  });

  it.each([
    ['coordinator', 'camps.write', true],
    ['field', 'camps.write', false],
    ['manager', 'camps.write', false],
    ['field', 'camps.read', true],
    ['admin', 'users.manage', true],
    ['field', 'users.manage', false],
  ] as const)('lets %s %s: %s', (role, permission, allowed) => {
    sut.startSession(aSession(role));

    expect(sut.can(permission)).toBe(allowed);
  });

  it('allows nothing when signed out', () => {
    expect(sut.can('camps.read')).toBe(false);
    expect(sut.canAny(['camps.read', 'audit.read'])).toBe(false);
  });

  it('lets a role with any one of several permissions through canAny', () => {
    sut.startSession(aSession('manager'));

    expect(sut.canAny(['users.manage', 'audit.read'])).toBe(true);
    expect(sut.canAny(['users.manage', 'tokens.manage'])).toBe(false);
  });

  it('starts the session the sign-in answered, sending email and password', async () => {
    const signedIn = firstValueFrom(sut.signIn({ email: 'admin@hro.example', password: 'demo-password-2019' }));

    const request = http.expectOne({ method: 'POST', url: '/api/v1/auth/sign-in' });
    expect(request.request.body).toEqual({ email: 'admin@hro.example', password: 'demo-password-2019' });
    request.flush(aSession('admin'));

    await signedIn;
    expect(sut.can('users.manage')).toBe(true);
    expect(await sut.ensureLoaded()).toEqual(aSession('admin'));
  });

  it('fails a sign-in with the retry time of a 429', async () => {
    const signedIn = firstValueFrom(sut.signIn({ email: 'field@hro.example', password: 'wrong-password' }));
    const before = Date.now();

    http.expectOne('/api/v1/auth/sign-in').flush(
      { type: 'about:blank', title: 'Too Many Requests', status: 429, code: 'auth.throttled', detail: 'Too many failed sign-ins; try again in 15 minutes' },
      { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '900' } },
    );

    const error = await signedIn.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SignInError);
    expect((error as SignInError).problem.code).toBe('auth.throttled');
    expect((error as SignInError).retryAt!.getTime()).toBeGreaterThanOrEqual(before + 900_000);
    expect(sut.signedIn()).toBe(false);
  });

  it('forgets the session once the server ended it', async () => {
    sut.startSession(aSession());
    const signedOut = firstValueFrom(sut.signOut());

    http.expectOne({ method: 'POST', url: '/api/v1/auth/sign-out' }).flush(null, { status: 204, statusText: 'No Content' });

    await signedOut;
    expect(sut.session()).toBeNull();
  });

  it('counts a sign-out of an already ended session as done', async () => {
    sut.startSession(aSession());
    const signedOut = firstValueFrom(sut.signOut());

    http.expectOne('/api/v1/auth/sign-out').flush({ code: 'auth.required' }, unauthorized);

    await signedOut;
    expect(sut.signedIn()).toBe(false);
  });

  it('stays signed in when the sign-out did not reach the server', async () => {
    sut.startSession(aSession());
    const signedOut = firstValueFrom(sut.signOut());

    http.expectOne('/api/v1/auth/sign-out').error(new ProgressEvent('error'));

    await expect(signedOut).rejects.toBeInstanceOf(ProblemError);
    expect(sut.signedIn()).toBe(true);
  });

  it('keeps a sign-in that finished while the first session check was under way', async () => {
    const loaded = sut.ensureLoaded();
    sut.startSession(aSession('admin'));

    http.expectOne('/api/v1/auth/session').flush({ code: 'auth.required' }, unauthorized);

    expect(await loaded).toEqual(aSession('admin'));
  });
});
