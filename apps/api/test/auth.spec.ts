import request from 'supertest';
import type { SessionResponse } from '@relief-ledger/domain';
import { clientFor, DEMO_PASSWORD, signedIn, signIn } from './utils/session';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

describe('sign-in, sessions and API tokens', () => {
  let db: TestDatabase;
  let api: RunningApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true' } });
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const signInRequest = (email: string, password: string, host?: string) => {
    const test = request(api.url).post('/api/v1/auth/sign-in').send({ email, password });
    return host ? test.set('Host', host) : test;
  };

  describe('sign-in', () => {
    it('answers who signed in and sets an HttpOnly, SameSite=Strict session cookie', async () => {
      const res = await signInRequest('Coordinator@HRO.example', DEMO_PASSWORD).expect(200);
      const session: SessionResponse = res.body;
      expect(session.user).toMatchObject({ email: 'coordinator@hro.example', role: 'coordinator' });
      expect(session.organisation).toMatchObject({ name: 'Humanitarian Relief Organization', shortCode: 'HRO' });
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/^rl_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    });

    it('marks the cookie Secure everywhere but plain-http localhost', async () => {
      const res = await signInRequest('field@hro.example', DEMO_PASSWORD, 'relief.example.org').expect(200);
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure$/);
    });

    it('keeps API answers out of shared caches', async () => {
      const http = await signedIn(api, 'field@hro.example');
      const res = await http.get('/api/v1/camps').expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('stores only a hash of the session token', async () => {
      const cookie = await signIn(api, 'manager@hro.example');
      const token = cookie.split('=')[1];
      const rows = await db.query<{ n: string }>(`SELECT count(*) AS n FROM sessions WHERE encode(token_hash, 'escape') LIKE $1`, [`%${token}%`]);
      expect(Number(rows[0].n)).toBe(0);
    });

    it('gives the same answer for a wrong email and a wrong password', async () => {
      const wrongEmail = await signInRequest('nobody@hro.example', DEMO_PASSWORD).expect(401);
      const wrongPassword = await signInRequest('admin@kidsparadise.example', 'not-the-password').expect(401);
      const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined });
      expect(strip(wrongEmail.body)).toEqual(strip(wrongPassword.body));
      expect(wrongEmail.body).toMatchObject({ code: 'auth.invalid_credentials', detail: 'Wrong email or password' });
      expect(wrongEmail.headers['set-cookie']).toBeUndefined();
    });

    it('refuses a malformed request with 400, not 500', async () => {
      await request(api.url).post('/api/v1/auth/sign-in').send({ email: 'a@b.c' }).expect(400);
      await request(api.url).post('/api/v1/auth/sign-in').send({ email: 5, password: [] }).expect(400);
    });
  });

  describe('sessions', () => {
    it('needs a session for everything but sign-in and health', async () => {
      await request(api.url).get('/api/health').expect(200);
      const res = await request(api.url).get('/api/v1/camps').expect(401);
      expect(res.body).toMatchObject({ code: 'auth.required' });
      await request(api.url).get('/api/v1/camps').set('Cookie', 'rl_session=forged').expect(401);
    });

    it('tells the signed-in user who they are', async () => {
      const http = await signedIn(api, 'field@kidsparadise.example');
      const res = await http.get('/api/v1/auth/session').expect(200);
      expect(res.body.user).toMatchObject({ email: 'field@kidsparadise.example', role: 'field' });
    });

    it('ends the session at sign-out', async () => {
      const cookie = await signIn(api, 'field@hro.example');
      const http = clientFor(api, cookie);
      await http.get('/api/v1/camps').expect(200);
      const res = await http.post('/api/v1/auth/sign-out').expect(204);
      expect(String(res.headers['set-cookie'])).toMatch(/^rl_session=; .*Max-Age=0/);
      await http.get('/api/v1/camps').expect(401);
    });

    it('ends a session left unused longer than the idle limit', async () => {
      const cookie = await signIn(api, 'manager@kidsparadise.example');
      await db.query(`UPDATE sessions SET last_seen_at = now() - interval '13 hours' WHERE ended_at IS NULL AND user_id = (SELECT id FROM users WHERE email = 'manager@kidsparadise.example')`);
      await clientFor(api, cookie).get('/api/v1/camps').expect(401);
    });

    it('ends a session past its absolute expiry, however active', async () => {
      const cookie = await signIn(api, 'coordinator@kidsparadise.example');
      await db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE email = 'coordinator@kidsparadise.example')`);
      await clientFor(api, cookie).get('/api/v1/camps').expect(401);
    });

    it("ends all of a user's sessions at once when an admin disables them, and refuses their sign-in", async () => {
      const db2 = await createTestDatabase();
      const api2 = await startApi({ databaseUrl: db2.url, env: { DEMO_DATA: 'true' } });
      try {
        const phone = clientFor(api2, await signIn(api2, 'field@hro.example'));
        const laptop = clientFor(api2, await signIn(api2, 'field@hro.example'));
        await phone.get('/api/v1/camps').expect(200);
        // A token of the field user's own (the API only lets admins mint their own, so it is planted).
        const fieldToken = clientFor(api2, 'Bearer rl_planted-field-token');
        await db2.query(
          `INSERT INTO api_tokens (organisation_id, user_id, name, token_hash, created_by)
           SELECT organisation_id, id, 'field script', sha256(convert_to('rl_planted-field-token', 'UTF8')), id FROM users WHERE email = 'field@hro.example'`,
        );
        await fieldToken.get('/api/v1/camps').expect(200);
        const admin = await signedIn(api2, 'admin@hro.example');
        const adminToken = clientFor(api2, `Bearer ${(await admin.post('/api/v1/api-tokens').send({ name: 'admin script' }).expect(201)).body.token}`);
        const users = (await admin.get('/api/v1/users').expect(200)).body.items as Array<{ id: string; email: string; version: number }>;
        const field = users.find((u) => u.email === 'field@hro.example')!;
        await admin.patch(`/api/v1/users/${field.id}`).send({ version: field.version, active: false }).expect(200);
        await phone.get('/api/v1/camps').expect(401);
        await laptop.get('/api/v1/camps').expect(401);
        await fieldToken.get('/api/v1/camps').expect(401);
        await request(api2.url).post('/api/v1/auth/sign-in').send({ email: 'field@hro.example', password: DEMO_PASSWORD }).expect(401);

        // Enabling again does not bring the ended sessions or the revoked token back.
        const again = (await admin.get('/api/v1/users').expect(200)).body.items.find((u: { email: string }) => u.email === 'field@hro.example');
        await admin.patch(`/api/v1/users/${again.id}`).send({ version: again.version, active: true }).expect(200);
        await phone.get('/api/v1/camps').expect(401);
        await fieldToken.get('/api/v1/camps').expect(401);
        // Someone else's credentials are untouched.
        await adminToken.get('/api/v1/camps').expect(200);
      } finally {
        await api2.stop();
        await db2.drop();
      }
    });
  });

  describe('API tokens', () => {
    it('are shown once, act as the admin who created them, and stop working when revoked', async () => {
      const admin = await signedIn(api, 'admin@hro.example');
      const created = await admin.post('/api/v1/api-tokens').send({ name: 'OCHA 4W export' }).expect(201);
      expect(created.body.token).toMatch(/^rl_[A-Za-z0-9_-]{43}$/);
      expect(created.body.userName).toBe('Admin (HRO)');

      const script = clientFor(api, `Bearer ${created.body.token}`);
      const camps = await script.get('/api/v1/camps').expect(200);
      expect(camps.body.total).toBe(3);
      // The token has the admin's role, no more: admins do not write camps.
      await script.post('/api/v1/camps').send({}).expect(403);

      const listed = (await admin.get('/api/v1/api-tokens').expect(200)).body.items as Array<Record<string, unknown>>;
      expect(listed.find((t) => t.id === created.body.id)).toMatchObject({ name: 'OCHA 4W export', revokedAt: null });
      expect(JSON.stringify(listed)).not.toContain(created.body.token);

      await admin.post(`/api/v1/api-tokens/${created.body.id}/revoke`).expect(200);
      await script.get('/api/v1/camps').expect(401);
    });

    it('cannot be made to act as another user', async () => {
      const admin = await signedIn(api, 'admin@hro.example');
      const [other] = await db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'coordinator@hro.example'`);
      const res = await admin.post('/api/v1/api-tokens').send({ name: 'impersonation', userId: other.id }).expect(400);
      expect(res.body.errors).toMatchObject([{ field: 'userId', reason: 'is not a field of this request' }]);
    });

    it('records one revocation however many arrive at once', async () => {
      const admin = await signedIn(api, 'admin@hro.example');
      const created = (await admin.post('/api/v1/api-tokens').send({ name: 'raced' }).expect(201)).body;
      await Promise.all(Array.from({ length: 10 }, () => admin.post(`/api/v1/api-tokens/${created.id}/revoke`).expect(200)));
      const rows = await db.query(`SELECT 1 FROM audit_log WHERE action = 'revoke' AND entity_id = $1`, [created.id]);
      expect(rows).toHaveLength(1);
    });

    it('refuses a malformed bearer token', async () => {
      await request(api.url).get('/api/v1/camps').set('Authorization', 'Bearer').expect(401);
      await request(api.url).get('/api/v1/camps').set('Authorization', 'Basic YWRtaW46YWRtaW4=').expect(401);
    });
  });

  describe('users', () => {
    it('refuses a password shorter than 12 characters and an email already used', async () => {
      const admin = await signedIn(api, 'admin@kidsparadise.example');
      const short = await admin.post('/api/v1/users').send({ name: 'Lina', email: 'lina@kidsparadise.example', role: 'field', password: 'short-pass1' }).expect(400);
      expect(short.body.errors).toMatchObject([{ field: 'password', reason: 'must be at least 12 characters' }]);
      const taken = await admin.post('/api/v1/users').send({ name: 'Again', email: 'FIELD@hro.example', role: 'field', password: 'long-enough-password' }).expect(409);
      expect(taken.body.errors).toMatchObject([{ field: 'email', reason: 'is already used by another user' }]);
    });

    it('creates a user who can then sign in, and never answers the password hash', async () => {
      const admin = await signedIn(api, 'admin@kidsparadise.example');
      const res = await admin.post('/api/v1/users').send({ name: 'Omar', email: 'Omar@KidsParadise.example', role: 'coordinator', password: 'olive-grove-sarmada' }).expect(201);
      expect(res.body).toMatchObject({ email: 'omar@kidsparadise.example', role: 'coordinator', active: true });
      expect(JSON.stringify(res.body)).not.toMatch(/argon2|passwordHash/);
      await signIn(api, 'omar@kidsparadise.example', 'olive-grove-sarmada');
    });

    it('keeps an admin from demoting or disabling themselves', async () => {
      const admin = await signedIn(api, 'admin@kidsparadise.example');
      const me = (await admin.get('/api/v1/auth/session').expect(200)).body.user;
      const users = (await admin.get('/api/v1/users').expect(200)).body.items as Array<{ id: string; version: number }>;
      const self = users.find((u) => u.id === me.id)!;
      await admin.patch(`/api/v1/users/${self.id}`).send({ version: self.version, active: false }).expect(422);
      await admin.patch(`/api/v1/users/${self.id}`).send({ version: self.version, role: 'field' }).expect(422);
    });
  });

  describe('passwords', () => {
    it('lets a user replace the password an admin gave them, ending their other sessions', async () => {
      const admin = await signedIn(api, 'admin@kidsparadise.example');
      await admin.post('/api/v1/users').send({ name: 'Rana', email: 'rana@kidsparadise.example', role: 'field', password: 'handed-over-password' }).expect(201);
      const phone = clientFor(api, await signIn(api, 'rana@kidsparadise.example', 'handed-over-password'));
      const laptop = clientFor(api, await signIn(api, 'rana@kidsparadise.example', 'handed-over-password'));
      const wrong = await laptop.post('/api/v1/auth/password').send({ currentPassword: 'not-it-at-all', newPassword: 'only-rana-knows-this' }).expect(401);
      expect(wrong.body.errors).toMatchObject([{ field: 'currentPassword', reason: 'is wrong' }]);
      const short = await laptop.post('/api/v1/auth/password').send({ currentPassword: 'handed-over-password', newPassword: 'short' }).expect(400);
      expect(short.body.errors[0].field).toBe('newPassword');
      await laptop.post('/api/v1/auth/password').send({ currentPassword: 'handed-over-password', newPassword: 'only-rana-knows-this' }).expect(204);
      await laptop.get('/api/v1/camps').expect(200);
      await phone.get('/api/v1/camps').expect(401);
      await request(api.url).post('/api/v1/auth/sign-in').send({ email: 'rana@kidsparadise.example', password: 'handed-over-password' }).expect(401);
      await signIn(api, 'rana@kidsparadise.example', 'only-rana-knows-this');
    });
  });

  describe('throttling', () => {
    it('lets no more than 5 guesses through when 30 arrive at once', async () => {
      const statuses = await Promise.all(Array.from({ length: 30 }, (_, i) => signInRequest('field@kidsparadise.example', `parallel-guess-${i}`).then((r) => r.status)));
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(25);
      await db.query(`UPDATE sign_in_failures SET at = at - interval '16 minutes' WHERE email = 'field@kidsparadise.example'`);
    });

    it('answers 429 with Retry-After after 5 failures for one account, even with the right password, and lets the user back in after the window', async () => {
      for (let i = 0; i < 5; i++) await signInRequest('coordinator@hro.example', `wrong-password-${i}`).expect(401);
      const res = await signInRequest('coordinator@hro.example', DEMO_PASSWORD).expect(429);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(800);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(900);
      expect(res.body).toMatchObject({ code: 'auth.throttled', detail: expect.stringContaining('try again in 15 minutes') });

      // Another account from the same address is not affected.
      await signInRequest('admin@hro.example', DEMO_PASSWORD).expect(200);

      // Not locked for good: once the window has passed, the right password works again.
      await db.query(`UPDATE sign_in_failures SET at = at - interval '16 minutes' WHERE email = 'coordinator@hro.example'`);
      await signInRequest('coordinator@hro.example', DEMO_PASSWORD).expect(200);
    });

    it('throttles one address trying many accounts', async () => {
      const db2 = await createTestDatabase();
      const api2 = await startApi({ databaseUrl: db2.url, env: { DEMO_DATA: 'true', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '3' } });
      try {
        for (const who of ['a', 'b', 'c']) {
          await request(api2.url).post('/api/v1/auth/sign-in').send({ email: `${who}@hro.example`, password: 'wrong-password-here' }).expect(401);
        }
        await request(api2.url).post('/api/v1/auth/sign-in').send({ email: 'admin@hro.example', password: DEMO_PASSWORD }).expect(429);
      } finally {
        await api2.stop();
        await db2.drop();
      }
    });

    it('limits the API as a whole per address, in problem+json', async () => {
      const db2 = await createTestDatabase();
      const api2 = await startApi({ databaseUrl: db2.url, env: { RATE_LIMIT_PER_MINUTE: '5' } });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++) statuses.push((await request(api2.url).get('/api/health')).status);
        expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
        const res = await request(api2.url).get('/api/health').expect(429);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.headers['retry-after']).toBeDefined();
      } finally {
        await api2.stop();
        await db2.drop();
      }
    });
  });

  describe('security headers', () => {
    it('sends a content security policy and no CORS header by default', async () => {
      const res = await request(api.url).get('/api/health').set('Origin', 'https://evil.example').expect(200);
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
