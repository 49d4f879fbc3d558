import { PROBLEM_CODES } from '@relief-ledger/domain';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import fc from 'fast-check';
import { FuzzFindings, SentRequest, wireHeaders } from './utils/fuzz-findings';
import { ANSWER_WITHIN_MS, FuzzTarget } from './utils/fuzz-target';
import { CSV_OPERATIONS, FUZZ_PASSWORD, FuzzRequest, hostileRequest, IdPools, IMPORT_COLUMNS, mediaTypeOf, plausibleRequest } from './utils/hostile-input';
import { OpenApiDocument, Operation, operationsOf } from './utils/openapi-operations';
import { NoAnswerError, RawAnswer, sendRaw } from './utils/raw-http';
import { changedCounts, rowCounter, RowCounts } from './utils/row-counts';
import { signIn } from './utils/session';
import { createTestDatabase, TestDatabase } from './utils/test-database';

/**
 * Issue 9: every operation of /api/docs.json, as every role of one organisation and without a
 * session, gets property-based hostile requests (see utils/hostile-input.ts). Whatever comes in:
 *
 * - never a 5xx, and every error is problem+json;
 * - an answer within 5 s, also for the request after a refused one on the same keep-alive
 *   connection (all requests share one connection while the server keeps it open);
 * - the process alive, and /api/health answering, after each operation's batch;
 * - a refused request writes nothing: the row count of every table, before and after each
 *   write-method request answered 4xx (and before and after each batch of reads).
 *
 * A failure does not stop the run: each distinct one is reported once, grouped, with a curl
 * line that shows it. A crash is one of them; the app is started again and the run goes on.
 *
 * FUZZ_RUNS   requests per operation and role (default 15: the spec takes 35 to 45 s on 2 cores);
 *             `npm run bench` runs bench/fuzz.bench.mjs with many more.
 * FUZZ_SEED   the seed, printed by every run, to repeat one (the app's state comes from the run
 *             itself, so the same seed gives the same requests in the same order).
 * FUZZ_ONLY   only the operations whose `METHOD /path` contains this text.
 * FUZZ_STATS_FILE  where to write the figures as JSON (the bench reads them).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ONLY = process.env.FUZZ_ONLY ?? '';

type Role = 'anonymous' | 'admin' | 'coordinator' | 'field' | 'manager';
const ROLES: Role[] = ['anonymous', 'admin', 'coordinator', 'field', 'manager'];
const SIGNED_IN_ROLES = ROLES.filter((role): role is Exclude<Role, 'anonymous'> => role !== 'anonymous');
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The API's limit for JSON bodies (BODY_LIMIT_BYTES in app-factory.ts). */
const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * These end the session that calls them when they succeed: they run on sessions of accounts of
 * their own (one per role), signed in again when needed, so the roles' own sessions survive.
 */
const SESSION_ENDING = new Set(['POST /api/v1/auth/sign-out', 'POST /api/v1/auth/password']);

/** Throttling would answer 429 to most of the run: limits far above what the fuzz sends. */
const APP_ENV = {
  DEMO_DATA: 'true',
  RATE_LIMIT_PER_MINUTE: '1000000',
  SIGN_IN_MAX_FAILURES: '1000',
  SIGN_IN_MAX_FAILURES_PER_ADDRESS: '100000',
  SIGN_IN_WINDOW_MINUTES: '1',
};

/** A seed per operation and role, from the run's: FUZZ_ONLY then repeats the same requests. */
function seedFor(...parts: string[]): number {
  let hash = 0x811c9dc5;
  for (const char of [SEED, ...parts].join('|')) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

const isProblem = (answer: RawAnswer) => String(answer.headers['content-type'] ?? '').startsWith('application/problem+json');

/** Codes of a problem body (its own and its fields') that PROBLEM_TEXT does not list, or "no code". */
function unknownCodes(body: string): string[] {
  let problem: { code?: unknown; errors?: Array<{ code?: unknown; field?: unknown }> };
  try {
    problem = JSON.parse(body);
  } catch {
    // A long answer the client cut short: whether it is problem+json is checked on its own.
    return [];
  }
  const known = new Set<string>(PROBLEM_CODES);
  const codes = [problem.code, ...(problem.errors ?? []).map((e) => e.code)];
  return codes.filter((code) => typeof code !== 'string' || !known.has(code)).map((code) => (typeof code === 'string' ? code : 'no code'));
}
const titleOf = (answer: RawAnswer) => /"title":"([^"]*)"/.exec(answer.body)?.[1] ?? answer.body.slice(0, 80);

describe('fuzz: hostile requests to every operation, as every role', () => {
  let db: TestDatabase;
  let target: FuzzTarget;
  let countRows: () => Promise<RowCounts>;
  let operations: Operation[];
  let ids: IdPools;
  /** Every id the fuzz knows, by what it is: reproductions read `<own camps 1>` rather than a UUID of one run. */
  const labels = new Map<string, string>();
  const cookies = new Map<Role, string>();
  /** Sessions of the accounts that the session-ending operations use, and whether they still hold. */
  const spareSessions = new Map<Role, string | undefined>();
  let spareHash: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    target = await FuzzTarget.start({ databaseUrl: db.url, env: APP_ENV });
    operations = operationsOf(JSON.parse(await fullBody(target.url, '/api/docs.json')) as OpenApiDocument);
    await signInRoles();

    // Accounts the fuzz may break: a user to edit and disable, one to sign in as, one per role to sign out and change passwords.
    const admin = cookies.get('admin')!;
    for (const name of ['target', 'sign-in', ...SIGNED_IN_ROLES]) {
      const role = SIGNED_IN_ROLES.includes(name as Exclude<Role, 'anonymous'>) ? name : 'field';
      const created = await sendRaw(
        target.url,
        { method: 'POST', path: '/api/v1/users', headers: { cookie: admin, 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ name: `Fuzz ${name}`, email: `fuzz-${name}@hro.example`, role, password: FUZZ_PASSWORD })) },
        { timeoutMs: ANSWER_WITHIN_MS },
      );
      if (created.status !== 201) throw new Error(`creating fuzz-${name}@hro.example answered ${created.status}: ${created.body}`);
    }
    spareHash = (await db.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE email = 'fuzz-target@hro.example'`))[0].password_hash;
    ids = await idPools(db);
    for (const [side, pools] of [['own', ids.own], ['other organisation', ids.other]] as const) {
      for (const [kind, list] of Object.entries(pools)) list.forEach((id, i) => labels.set(id, `<${side} ${kind} ${i + 1}>`));
    }
    countRows = await rowCounter(db);
  }, 120_000);

  afterAll(async () => {
    await target?.stop();
    await db?.drop();
  });

  async function signInRoles(): Promise<void> {
    for (const role of SIGNED_IN_ROLES) cookies.set(role, await signIn(target.running, `${role}@hro.example`));
  }

  /** Signs in again any role whose session the fuzz ended (it should not have: they are kept off the session-ending operations). */
  async function keepSessions(): Promise<void> {
    for (const role of SIGNED_IN_ROLES) {
      const answer = await sendRaw(target.url, { method: 'GET', path: '/api/v1/auth/session', headers: { cookie: cookies.get(role)! } }, { timeoutMs: ANSWER_WITHIN_MS });
      if (answer.status !== 200) cookies.set(role, await signIn(target.running, `${role}@hro.example`));
    }
  }

  /** The account and session a request of this operation and role carries: the role's, or a spare one for the session-ending operations. */
  async function sessionFor(operation: string, role: Role): Promise<{ account?: string; session?: string }> {
    if (role === 'anonymous') return {};
    if (!SESSION_ENDING.has(operation)) return { account: `${role}@hro.example`, session: cookies.get(role) };
    const account = `fuzz-${role}@hro.example`;
    if (!spareSessions.get(role)) spareSessions.set(role, await signIn(target.running, account, FUZZ_PASSWORD));
    return { account, session: spareSessions.get(role) };
  }

  /**
   * The fuzz sends version 1 mostly: the record's version set back to 1 before each write to it
   * keeps the fuzz's own earlier edits from turning every later one into a 409, which would stop
   * them before the code that converts and writes.
   */
  async function resetVersion(path: string): Promise<void> {
    const versioned = /^\/api\/v1\/(camps|users|convoys)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[/?]|$)/.exec(path);
    if (versioned) await db.query(`UPDATE ${versioned[1]} SET version = 1 WHERE id = $1`, [versioned[2]]);
  }

  /** After a session-ending operation went through: the spare account's password back, a new session next time. */
  async function afterSessionEnded(role: Role): Promise<void> {
    await db.query(`UPDATE users SET password_hash = $1 WHERE email = $2`, [spareHash, `fuzz-${role}@hro.example`]);
    spareSessions.set(role, undefined);
  }

  describe('every operation of the OpenAPI document', () => {
    const findings = new FuzzFindings(labels);
    /** Content types that brought the process down once: not sent again on the same kind of route, or every request would be a restart. */
    const quarantined = new Set<string>();
    /**
     * Requests after which the connection stalled once (by operation and content type): the
     * stall is reported once, and the connection is replaced after each such request from then
     * on, or every one would cost the 5 s wait again.
     */
    const stalling = new Set<string>();
    /** Requests (by method and operation) that got no answer even alone on a new connection: reported once, not sent again. */
    const unanswerable = new Set<string>();
    /** The request before, on the shared connection, and its status: the cause when the next one stalls. */
    let previous: SentRequest | undefined;
    let previousStatus: number | 'no answer' = 'no answer';

    async function crashed(request: SentRequest, mark: number): Promise<void> {
      findings.add({ kind: 'process exited', request, signature: target.crashReport(mark), detail: `${target.exitDescription()}; started again`, everywhere: true });
      // Only a content type other than JSON (whose crashes must each be seen), empty body or not: the header alone chooses the parser.
      if (request.headers['content-type'] !== undefined && mediaTypeOf(request.headers['content-type']) !== 'application/json') quarantined.add(quarantineKey(request));
      await target.restart();
      await keepSessions();
      spareSessions.clear();
    }

    const selfKey = (request: SentRequest) => `${request.method} on ${request.operation}`;
    const stallKey = (request: SentRequest) => `${request.operation} with ${mediaTypeOf(request.headers['content-type'])}`;
    const quarantineKey = (request: SentRequest) => `${mediaTypeOf(request.headers['content-type'])} on ${CSV_OPERATIONS.has(request.operation) ? request.operation : 'the JSON routes'}`;

    /**
     * A body past the API's 1 MiB limit is refused (413) before it is read whole, and the
     * connection closed: the client may still be writing then and lose the answer to the reset.
     * That is the client's race, not the server's (bad-input.spec.ts says the same): up to three
     * tries, each on a new connection.
     */
    async function sendOversizedToo(request: SentRequest): Promise<RawAnswer> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await target.send({ ...request, headers: wireHeaders(request) });
        } catch (error) {
          if (!(error instanceof NoAnswerError && error.reason === 'connection' && (request.body?.length ?? 0) > BODY_LIMIT_BYTES && attempt < 3 && target.alive())) throw error;
          target.newConnection();
        }
      }
    }

    /** Sends one request; undefined when no answer came (recorded, and the app made fit to go on). The mark is where the app's output stood before it. */
    async function exchange(request: SentRequest): Promise<{ answer: RawAnswer; mark: number } | undefined> {
      const mark = target.outputMark();
      const [before, beforeStatus] = [previous, previousStatus];
      previous = request;
      previousStatus = 'no answer';
      try {
        const answer = await sendOversizedToo(request);
        findings.counted(answer.status);
        previousStatus = answer.status;
        if (stalling.has(stallKey(request))) {
          findings.skip(`a new connection after ${stallKey(request)}, which stalled the connection before`);
          target.newConnection();
        }
        if (!target.alive()) {
          await crashed(request, mark);
          return undefined;
        }
        return { answer, mark };
      } catch (error) {
        if (!(error instanceof NoAnswerError)) throw error;
        findings.counted('no answer');
        if (await target.exitsWithin(1_000)) {
          await crashed(request, mark);
          return undefined;
        }
        target.newConnection();
        if (error.reason === 'timeout') {
          // Which one is stuck: this request, or the connection the one before left behind? The same request again, alone on a new connection, tells.
          const alone = await target.send({ ...request, headers: wireHeaders(request) }).catch((again: unknown) => {
            if (again instanceof NoAnswerError) return undefined;
            throw again;
          });
          if (alone || !before) stalling.add(stallKey(before ?? request));
          else unanswerable.add(selfKey(request));
          findings.add({
            kind: 'no answer within 5 s',
            request,
            previous: alone ? before : undefined,
            signature: alone ? `answered alone on a new connection (${alone.status}): the request before (answered ${beforeStatus}) left the connection stuck` : 'no answer either when sent alone on a new connection',
            detail: error.message,
            everywhere: Boolean(alone),
          });
        } else {
          const after = before ? `the request before on the connection answered ${beforeStatus}` : 'first request on the connection';
          findings.add({ kind: 'connection dropped without an answer', request, previous: before, signature: after, detail: error.message, everywhere: true });
        }
        if (!(await target.healthy())) {
          findings.add({ kind: 'unhealthy after the batch', request, signature: 'health did not answer 200 after a request went unanswered', detail: 'restarted' });
          await target.restart();
          await keepSessions();
        }
        return undefined;
      }
    }

    /** Sends one generated request as this role and checks the answer; the status, or undefined when none came. */
    async function fuzzOne(operation: Operation, role: Role, generated: FuzzRequest, batch: { wroteOk: boolean }): Promise<number | undefined> {
      const request: SentRequest = { ...generated, role, operation: operation.label, ...(await sessionFor(operation.label, role)) };
      if (quarantined.has(quarantineKey(request))) return void findings.skip(`not sent: ${quarantineKey(request)}, which brought the process down before`);
      if (unanswerable.has(selfKey(request))) return void findings.skip(`not sent: ${selfKey(request)}, which went unanswered before`);

      const write = WRITE_METHODS.has(request.method);
      if (write) await resetVersion(request.path);
      const before = write ? await countRows() : undefined;
      const exchanged = await exchange(request);
      if (!exchanged) return;
      const { answer, mark } = exchanged;
      if (answer.status < 400 && write) batch.wroteOk = true;
      if (answer.status < 300 && SESSION_ENDING.has(operation.label) && request.session) await afterSessionEnded(role);

      if (answer.status >= 500) {
        const logged = await target.loggedError(mark);
        findings.add({ kind: 'server error', request, signature: `${answer.status} ${logged ?? titleOf(answer)}`, detail: `${answer.status} ${answer.body}` });
      } else if (answer.status >= 400 && request.method !== 'HEAD' && !isProblem(answer)) {
        const code = /"code":"([^"]*)"/.exec(answer.body)?.[1];
        findings.add({
          kind: 'error not problem+json',
          request,
          signature: `${answer.status} ${code ?? titleOf(answer)} as ${answer.headers['content-type'] ?? 'no content type'}`,
          detail: `${answer.status} ${answer.body}`,
          everywhere: true,
        });
      }
      // Every refusal can be put in the reader's language: its code, and each field's, is one the web app translates.
      if (answer.status >= 400 && request.method !== 'HEAD' && isProblem(answer)) {
        const unknown = unknownCodes(answer.body);
        if (unknown.length) findings.add({ kind: 'problem code not in PROBLEM_TEXT', request, signature: `${answer.status} ${unknown.join(', ')}`, detail: `${answer.status} ${answer.body}`, everywhere: true });
      }
      if (before && answer.status >= 400 && answer.status < 500) {
        const changed = changedCounts(before, await countRows());
        if (changed.length) findings.add({ kind: 'refused, yet wrote rows', request, signature: `${answer.status}, ${changed.map((c) => c.split(' ')[0]).join(', ')}`, detail: `${answer.status}: ${changed.join(', ')}; ${answer.body}` });
      }
      return answer.status;
    }

    /**
     * The operation's share of requests, RUNS per role, spent where they reach past the guard: a
     * role refused a plausible request (401, 403) gets a quarter of its runs (what comes before
     * the guard — parsing, routing — still gets hostile input), the roles let in get the rest.
     */
    async function fuzzOperation(operation: Operation, batch: { wroteOk: boolean }): Promise<void> {
      const admitted: Role[] = [];
      for (const role of ROLES) {
        const [plausible] = fc.sample(plausibleRequest(operation, ids), { numRuns: 1, seed: seedFor(operation.label, role, 'plausible') });
        const status = await fuzzOne(operation, role, plausible, batch);
        if (status !== 401 && status !== 403) admitted.push(role);
      }
      const refusedRuns = Math.ceil(RUNS / 4);
      const admittedRuns = admitted.length ? Math.ceil((RUNS * ROLES.length - refusedRuns * (ROLES.length - admitted.length)) / admitted.length) : RUNS;
      const arbitrary = hostileRequest(operation, ids);
      for (const role of ROLES) {
        await fc.assert(
          fc.asyncProperty(arbitrary, async (generated) => void (await fuzzOne(operation, role, generated, batch))),
          { numRuns: admitted.includes(role) ? admittedRuns : refusedRuns, seed: seedFor(operation.label, role), endOnFailure: true },
        );
      }
    }

    it(
      `answers every request within 5 s, never 5xx, keeps running and writes nothing when refusing (${RUNS} requests per operation and role)`,
      async () => {
        const started = Date.now();
        console.log(`fuzz: seed ${SEED}, ${RUNS} runs per operation and role (repeat: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS})`);
        const chosen = operations.filter((op) => op.label.includes(ONLY));
        expect(chosen.length).toBeGreaterThan(0);
        for (const operation of chosen) {
          const batch = { wroteOk: false };
          const rowsBefore = await countRows();
          await fuzzOperation(operation, batch);
          // The batch is over: the process still there, its health answering, the roles still signed in.
          if (!(await target.healthy())) {
            const request: SentRequest = previous ?? { method: 'GET', path: '/api/health', headers: {}, note: '', role: 'anonymous', operation: operation.label };
            findings.add({ kind: 'unhealthy after the batch', request: { ...request, operation: operation.label }, signature: target.alive() ? 'health did not answer 200' : target.exitDescription(), detail: 'restarted' });
            await target.restart();
          }
          await keepSessions();
          // Reads write nothing but their sessions; checked per batch, as long as no write in it went through.
          const changed = changedCounts(rowsBefore, await countRows());
          if (!batch.wroteOk && changed.length && previous) {
            findings.add({ kind: 'a read wrote rows', request: previous, signature: changed.map((c) => c.split(' ')[0]).join(', '), detail: changed.join(', ') });
          }
        }
        const seconds = (Date.now() - started) / 1000;
        const skipped = [...findings.skipped].map(([reason, n]) => `${n} × ${reason}`).join(', ');
        console.log(
          `fuzz: ${findings.requests} requests to ${chosen.length} operations in ${seconds.toFixed(1)} s; statuses ${findings.statusLine()}; ` +
            `${target.restartCount} restarts${skipped ? `; worked around known failures: ${skipped}` : ''}`,
        );
        if (process.env.FUZZ_STATS_FILE) {
          writeFileSync(
            process.env.FUZZ_STATS_FILE,
            JSON.stringify({ seed: SEED, runs: RUNS, operations: chosen.length, requests: findings.requests, seconds, statuses: Object.fromEntries(findings.statuses), restarts: target.restartCount, failures: findings.report() }),
          );
        }
        if (findings.size) {
          throw new Error(`${findings.size} distinct failures (repeat: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}).\n${findings.legend(target.url)}\n\n${findings.report().join('\n\n')}`);
        }
      },
      120_000 + RUNS * 60 * ROLES.length * 300,
    );
  });

  describe('the next requests on a keep-alive connection after a refused one', () => {
    const megabyteOfRows = (header: string) => `${header}\r\n${'00000000-0000-4000-8000-000000000000,x,FOOD-PARCEL,y,1,1,5,,\r\n'.repeat(16_000)}`;
    const cases: Array<{ name: string; role: Role; method: string; path: string; contentType: string; body: () => Buffer }> = [
      { name: 'a 1 MB CSV with a wrong header row to the import', role: 'coordinator', method: 'POST', path: '/api/v1/distributions/import', contentType: 'text/csv', body: () => Buffer.from(megabyteOfRows('bad,header')) },
      {
        name: 'a 60 MB CSV to the import (past its 50 MB limit)',
        role: 'coordinator',
        method: 'POST',
        path: '/api/v1/distributions/import',
        contentType: 'text/csv',
        body: () => Buffer.from(`${IMPORT_COLUMNS.join(',')}\r\n${'00000000-0000-4000-8000-000000000000,x,FOOD-PARCEL,y,1,1,5,,\r\n'.repeat(1_000_000)}`),
      },
      { name: 'a 1 MB CSV import from a manager (refused before it is read)', role: 'manager', method: 'POST', path: '/api/v1/distributions/import', contentType: 'text/csv', body: () => Buffer.from(megabyteOfRows(IMPORT_COLUMNS.join(','))) },
      { name: 'a 1 MB CSV import without a session', role: 'anonymous', method: 'POST', path: '/api/v1/distributions/import', contentType: 'text/csv', body: () => Buffer.from(megabyteOfRows(IMPORT_COLUMNS.join(','))) },
      { name: 'a CSV to sign-in', role: 'anonymous', method: 'POST', path: '/api/v1/auth/sign-in', contentType: 'text/csv', body: () => Buffer.from('email,password\r\nfield@hro.example,demo-password-2019\r\n') },
      { name: 'a 2 MB JSON body to POST /camps (past the 1 MiB limit)', role: 'coordinator', method: 'POST', path: '/api/v1/camps', contentType: 'application/json', body: () => Buffer.from(JSON.stringify({ nameEn: 'x'.repeat(2_000_000) })) },
      { name: 'broken JSON to POST /camps', role: 'coordinator', method: 'POST', path: '/api/v1/camps', contentType: 'application/json', body: () => Buffer.from('{"nameEn": "x",') },
      { name: 'a form to POST /camps', role: 'coordinator', method: 'POST', path: '/api/v1/camps', contentType: 'application/x-www-form-urlencoded', body: () => Buffer.from('nameEn=x&population=1') },
    ];

    it.each(cases)('answers $name (within 5 s of arriving), then two requests on the same connection, each within 5 s', async ({ role, method, path, contentType, body }) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const session: Record<string, string> = role === 'anonymous' ? {} : { cookie: cookies.get(role)! };
      const problems: string[] = [];
      const mark = target.outputMark();
      const try_ = async (label: string, send: () => Promise<RawAnswer>) => {
        try {
          return await send();
        } catch (error) {
          if (!(error instanceof NoAnswerError)) throw error;
          problems.push(`${label}: ${error.message}`);
          return undefined;
        }
      };
      try {
        const before = await countRows();
        // The bound counts from the first byte sent: a large body gets the time to travel too (a
        // second per 10 MB, which a loaded two-core machine needs for 60 MB), then the same 5 s.
        const payload = body();
        const bound = 5_000 + Math.ceil(payload.length / 10_000_000) * 1_000;
        const refused = await try_('the refused request', () => target.send({ method, path, headers: { ...session, 'content-type': contentType }, body: payload }, agent, bound));
        const health = await try_('GET /api/health after it', () => target.send({ method: 'GET', path: '/api/health', headers: {} }, agent));
        const camps = await try_('GET /api/v1/camps after that', () => target.send({ method: 'GET', path: '/api/v1/camps?pageSize=1', headers: { cookie: cookies.get('coordinator')! } }, agent));
        if (refused && (refused.status < 400 || refused.status >= 500)) problems.push(`the refused request answered ${refused.status}: ${refused.body.slice(0, 200)}`);
        if (refused && refused.status >= 400 && !isProblem(refused)) problems.push(`the refusal is not problem+json: ${refused.headers['content-type']}`);
        if (health && health.status !== 200) problems.push(`GET /api/health answered ${health.status}`);
        if (camps && camps.status !== 200) problems.push(`GET /api/v1/camps answered ${camps.status}`);
        if (await target.exitsWithin(200)) problems.push(`the process exited (${target.exitDescription()}): ${target.crashReport(mark)}`);
        else problems.push(...changedCounts(before, await countRows()).map((change) => `the refused request wrote rows: ${change}`));
      } finally {
        agent.destroy();
        if (!(await target.healthy())) {
          await target.restart();
          await keepSessions();
        }
      }
      expect(problems).toEqual([]);
    }, 60_000);
  });

  describe('oversized headers', () => {
    const cases: Array<{ name: string; path: string; headers: () => Record<string, string> }> = [
      { name: 'a 100 KB cookie', path: '/api/v1/camps', headers: () => ({ cookie: `a=${'x'.repeat(100_000)}` }) },
      { name: 'a 100 KB header of its own', path: '/api/health', headers: () => ({ 'x-fuzz': 'x'.repeat(100_000) }) },
      { name: '2,000 headers of 20 bytes', path: '/api/health', headers: () => Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`x-fuzz-${i}`, 'x'.repeat(10)])) },
      { name: 'a 20 KB query string', path: `/api/v1/camps?name=${'x'.repeat(20_000)}`, headers: () => ({}) },
    ];

    it.each(cases)('answers $name with 431 problem+json within 5 s, and goes on serving', async ({ path, headers }) => {
      const mark = target.outputMark();
      let answer: RawAnswer | string;
      try {
        answer = await target.send({ method: 'GET', path, headers: headers() }, new http.Agent({ keepAlive: true, maxSockets: 1 }));
      } catch (error) {
        if (!(error instanceof NoAnswerError)) throw error;
        answer = error.message;
      }
      const exited = await target.exitsWithin(200);
      const outcome = {
        status: typeof answer === 'string' ? answer : answer.status,
        problemJson: typeof answer !== 'string' && isProblem(answer),
        crash: exited ? target.crashReport(mark) : undefined,
        healthAfter: await target.healthy(),
      };
      if (!outcome.healthAfter) await target.restart();
      expect(outcome).toEqual({ status: 431, problemJson: true, crash: undefined, healthAfter: true });
    });
  });
});

/** A body longer than what sendRaw keeps for reports (the OpenAPI document). */
function fullBody(baseUrl: string, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(path, baseUrl), (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(text));
      })
      .on('error', reject);
  });
}

/**
 * Ids of both organisations' records, read from the database (as the authorization matrix does),
 * and a few made for the fuzz. Ordered by what the demo data fixes (names, codes, times), not by
 * the random ids: the same seed then picks the same records in another run.
 */
async function idPools(db: TestDatabase): Promise<IdPools> {
  const list = async (sql: string) => (await db.query<{ id: string }>(sql)).map((row) => row.id);
  const owned = (table: string, code: string, orderBy: string) =>
    list(`SELECT t.id FROM ${table} t JOIN organisations o ON o.id = t.organisation_id WHERE o.short_code = '${code}' ORDER BY ${orderBy} LIMIT 3`);
  const one = async (sql: string) => (await list(sql))[0];

  const item = await one(`SELECT id FROM items WHERE code = 'FOOD-PARCEL'`);
  const kpPoint = await one(
    `INSERT INTO stock_points (organisation_id, location_id, name, kind) SELECT o.id, l.id, 'KP fuzz warehouse', 'warehouse' FROM organisations o, locations l WHERE o.short_code = 'KP' AND l.pcode = 'SY07030101' RETURNING id`,
  );
  const receipt = (point: string, email: string) =>
    one(`WITH lvl AS (INSERT INTO stock_levels (stock_point_id, item_id, organisation_id, quantity) SELECT '${point}', '${item}', organisation_id, 100 FROM stock_points WHERE id = '${point}' ON CONFLICT (stock_point_id, item_id) DO UPDATE SET quantity = stock_levels.quantity + 100 RETURNING 1)
         INSERT INTO stock_movements (organisation_id, stock_point_id, item_id, kind, quantity, reference, recorded_by)
         SELECT p.organisation_id, p.id, '${item}', 'receipt', 100, 'fuzz fixture', u.id FROM stock_points p, users u, lvl WHERE p.id = '${point}' AND u.email = '${email}' RETURNING id`);
  const token = (email: string) =>
    one(`INSERT INTO api_tokens (organisation_id, user_id, name, token_hash, created_by) SELECT u.organisation_id, u.id, 'fuzz fixture', sha256(gen_random_uuid()::text::bytea), u.id FROM users u WHERE u.email = '${email}' RETURNING id`);

  return {
    own: {
      camps: await owned('camps', 'HRO', 't.name_en'),
      convoys: await owned('convoys', 'HRO', 't.name'),
      'stock-points': await owned('stock_points', 'HRO', 't.name'),
      movements: await owned('stock_movements', 'HRO', 't.seq'),
      users: await list(`SELECT id FROM users WHERE email = 'fuzz-target@hro.example'`),
      'api-tokens': [await token('admin@hro.example'), await token('fuzz-target@hro.example')],
      // Shared by every organisation.
      locations: await list(`SELECT id FROM locations WHERE pcode IN ('SY07030101', 'SY07030102', 'SY07') ORDER BY pcode`),
      routes: await list(`SELECT id FROM routes ORDER BY name LIMIT 3`),
      'pause-windows': await list(`SELECT id FROM pause_windows ORDER BY starts_at LIMIT 3`),
      incidents: await list(`SELECT id FROM incidents ORDER BY occurred_at LIMIT 3`),
      items: await list(`SELECT id FROM items ORDER BY code LIMIT 3`),
    },
    other: {
      camps: await owned('camps', 'KP', 't.name_en'),
      convoys: await owned('convoys', 'KP', 't.name'),
      'stock-points': [kpPoint],
      movements: [await receipt(kpPoint, 'coordinator@kidsparadise.example')],
      users: await list(`SELECT id FROM users WHERE email = 'field@kidsparadise.example'`),
      'api-tokens': [await token('admin@kidsparadise.example')],
    },
    itemCodes: (await db.query<{ code: string }>(`SELECT code FROM items ORDER BY code`)).map((row) => row.code),
  };
}
