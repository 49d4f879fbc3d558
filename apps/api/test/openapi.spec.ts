import { REPORT_IDS, REPORTS, ROLES } from '@relief-ledger/domain';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { OpenApiSchema, schemaProblems } from './utils/schema-conformance';
import { signIn } from './utils/session';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

/**
 * Issue 12: the OpenAPI document tells the whole contract, so that a client generated from
 * /api/docs.json is usable by an agency's own scripts. The document the built app serves is
 * linted with Redocly's recommended rules (redocly.yaml at the root: no error, no warning),
 * and every operation is checked for what a client needs: a summary, the schema of its success,
 * how it is authenticated, and the problems it can answer. Then the app's real answers (on
 * the demo data) are held against the schemas the document gives them.
 */
const ROOT = path.resolve(__dirname, '../../..');
const REDOCLY = path.join(path.dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');

/** Reachable without a session, on purpose: signing in, and the load balancers' health check. */
const PUBLIC_ON_PURPOSE = ['POST /api/v1/auth/sign-in', 'GET /api/health'];

/** Successes that are a stream or a file, not JSON: they declare their content types instead. */
const NOT_JSON = new Set(['text/event-stream', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);

type Schema = OpenApiSchema;
interface Response {
  $ref?: string;
  content?: Record<string, { schema?: Schema }>;
}
interface Operation {
  summary?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, Response>;
  'x-roles'?: string[];
}
interface Document {
  security?: Array<Record<string, string[]>>;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, { type: string; in?: string; name?: string; scheme?: string }> };
}

interface LintResult {
  totals: { errors: number; warnings: number };
  problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }>;
}

/** Runs `redocly lint` on the file with the repository's redocly.yaml; JSON out. */
function redoclyLint(file: string): Promise<{ code: number | null; result?: LintResult; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [REDOCLY, 'lint', file, '--config', path.join(ROOT, 'redocly.yaml'), '--format', 'json', '--max-problems', '1000'], {
      cwd: ROOT,
      // No usage data sent anywhere from a test run, and no "new version" notice.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const json = stdout.slice(stdout.indexOf('{'));
      let result: LintResult | undefined;
      try {
        result = JSON.parse(json) as LintResult;
      } catch {
        result = undefined;
      }
      resolve({ code, result, output: `${stdout}\n${stderr}` });
    });
  });
}

describe('the OpenAPI document (/api/docs.json)', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let document: Document;
  let operations: Array<{ label: string; path: string; operation: Operation }>;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true' } });
    document = (await request(api.url).get('/api/docs.json').expect(200)).body as Document;
    operations = Object.entries(document.paths).flatMap(([p, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ label: `${method.toUpperCase()} ${p}`, path: p, operation })),
    );
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  /** The operations for which `fails` says what is wrong, as `LABEL: why` lines (empty when none). */
  const failures = (fails: (operation: Operation, label: string, p: string) => string | undefined) =>
    operations.map(({ label, path: p, operation }) => ({ label, why: fails(operation, label, p) })).filter((f) => f.why).map((f) => `${f.label}: ${f.why}`);

  it('passes Redocly lint with the recommended rules: no error, no warning', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'relief-openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      await writeFile(file, JSON.stringify(document, null, 2));
      const { code, result, output } = await redoclyLint(file);
      if (!result) throw new Error(`redocly lint printed no result (exit ${code}):\n${output}`);
      const problems = result.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
      expect(problems).toEqual([]);
      expect(result.totals).toMatchObject({ errors: 0, warnings: 0 });
      expect(code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('lists the operations of the API', () => {
    expect(operations.length).toBeGreaterThan(50);
  });

  it('gives every operation a summary of its own', () => {
    expect(failures((op) => (op.summary?.trim() ? undefined : 'no summary'))).toEqual([]);
    const summaries = operations.map(({ operation }) => operation.summary);
    expect(summaries.filter((s, i) => summaries.indexOf(s) !== i)).toEqual([]);
  });

  it('gives every operation a 2xx with a schema: JSON by a named or typed schema, a stream or file by its content type; 204 with no body', () => {
    const problems = failures((op) => {
      const successes = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      if (successes.length === 0) return 'no 2xx response';
      for (const [status, response] of successes) {
        const content = Object.entries(response.content ?? {});
        if (status === '204') {
          if (content.length) return '204 with a body';
          continue;
        }
        if (content.length === 0) return `${status} without content`;
        for (const [mediaType, { schema }] of content) {
          if (mediaType !== 'application/json' && !NOT_JSON.has(mediaType)) return `${status} as ${mediaType}`;
          if (!schema || (!schema.$ref && !schema.type)) return `${status} ${mediaType} without a schema`;
          if (schema.$ref && !document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]) return `${status} refers to a missing ${schema.$ref}`;
        }
      }
      return undefined;
    });
    expect(problems).toEqual([]);
  });

  it('declares the session cookie and the bearer token, one or the other needed by every operation but sign-in and health', () => {
    const schemes = document.components.securitySchemes;
    expect(Object.values(schemes)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'rl_session' }),
        expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      ]),
    );
    // Either one: two requirement objects of one scheme each.
    expect(document.security).toEqual(Object.keys(schemes).map((name) => ({ [name]: [] })));

    const publicOnes = operations.filter(({ operation }) => (operation.security ?? document.security)?.length === 0).map(({ label }) => label);
    expect(publicOnes.sort()).toEqual([...PUBLIC_ON_PURPOSE].sort());
    expect(
      failures((op) => {
        const security = op.security ?? document.security ?? [];
        return security.some((requirement) => Object.keys(requirement).some((name) => !schemes[name])) ? 'names a scheme the document does not define' : undefined;
      }),
    ).toEqual([]);
  });

  it('answers every guarded operation with 401, says which roles may call it, and 403 when not every role may', () => {
    const problems = failures((op, label) => {
      if (PUBLIC_ON_PURPOSE.includes(label)) return op['x-roles'] ? 'public, yet lists roles' : undefined;
      const roles = op['x-roles'];
      if (!roles?.length) return 'no x-roles';
      if (!op.responses['401']) return 'no 401';
      if (roles.length < ROLES.length && !op.responses['403']) return `only ${roles.join(', ')} may, but no 403`;
      if (roles.length === ROLES.length && op.responses['403']) return 'every role may, yet 403';
      return undefined;
    });
    expect(problems).toEqual([]);
  });

  it('answers 400 where there is input to refuse, 404 for a record by id, 409 and 428 where a version is sent', () => {
    const problems = failures((op, _label, p) => {
      const jsonBody = op.requestBody?.content['application/json'];
      const parameters = op.parameters ?? [];
      if ((jsonBody || parameters.length) && !op.responses['400']) return 'takes input but has no 400';
      if (p.includes('{id}') && !op.responses['404']) return 'a record by id without 404';
      const bodySchema = jsonBody?.schema?.$ref ? document.components.schemas[jsonBody.schema.$ref.replace('#/components/schemas/', '')] : undefined;
      const ifMatch = parameters.some((parameter) => parameter.in === 'header' && parameter.name === 'If-Match');
      if ((ifMatch || bodySchema?.properties?.version) && !op.responses['409']) return 'takes a version but has no 409 (changed meanwhile)';
      if (ifMatch && !op.responses['428']) return 'takes If-Match but has no 428 (version required)';
      return undefined;
    });
    expect(problems).toEqual([]);
  });

  it('answers every 4xx and the rest (default) as application/problem+json of the Problem schema', () => {
    const problems = failures((op) => {
      if (op.responses.default?.$ref !== '#/components/responses/Problem') return 'no default problem response';
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^4\d\d$/.test(status)) continue;
        const media = Object.keys(response.content ?? {});
        if (media.join() !== 'application/problem+json') return `${status} as ${media.join(', ') || 'nothing'}`;
        if (response.content!['application/problem+json'].schema?.$ref !== '#/components/schemas/ProblemDto') return `${status} not of the Problem schema`;
      }
      return undefined;
    });
    expect(problems).toEqual([]);
    expect(Object.keys(document.components.schemas.ProblemDto.properties ?? {})).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'code', 'params', 'errors']),
    );
  });

  describe("the app's answers fit the document", () => {
    /** Records of the demo data to read, by the path segment that names their kind. */
    let ids: Record<string, string[]>;
    let cookies: Record<string, string>;

    beforeAll(async () => {
      const all = async (sql: string) => (await db.query<{ id: string }>(sql)).map((row) => row.id);
      const hro = `(SELECT id FROM organisations WHERE short_code = 'HRO')`;
      ids = {
        camps: await all(`SELECT id FROM camps WHERE organisation_id = ${hro} ORDER BY name_en LIMIT 2`),
        locations: await all(`SELECT id FROM locations WHERE pcode IN ('SY07', 'SY07030101')`),
        routes: await all(`SELECT id FROM routes ORDER BY name LIMIT 2`),
        'pause-windows': await all(`SELECT id FROM pause_windows ORDER BY starts_at`),
        incidents: await all(`SELECT id FROM incidents ORDER BY occurred_at LIMIT 3`),
        // One of each status the demo has: planned (go/no-go), on the road (cargo in transit), arrived, struck.
        convoys: await all(`SELECT DISTINCT ON (status) id FROM convoys WHERE organisation_id = ${hro} ORDER BY status, name`),
        'stock-points': await all(`SELECT id FROM stock_points WHERE organisation_id = ${hro} AND kind <> 'in_transit' ORDER BY name LIMIT 2`),
        items: await all(`SELECT id FROM items WHERE code = 'FOOD-PARCEL'`),
      };
      cookies = {};
      for (const role of ROLES) cookies[role] = await signIn(api, `${role}@hro.example`);
    });

    /** The concrete paths to read for an operation: every record of its kind, with the query it needs. */
    function pathsFor(template: string): string[] {
      if (template === '/api/v1/reports/{report}') {
        return REPORT_IDS.map((report) => {
          const filters: Record<string, string> = { campId: ids.camps[0], stockPointId: ids['stock-points'][0], itemId: ids.items[0], from: '2019-12-01', to: '2019-12-31' };
          const query = REPORTS[report].required.map((name) => `${name}=${filters[name]}`).join('&');
          return `/api/v1/reports/${report}${query ? `?${query}` : ''}`;
        });
      }
      const query = template.endsWith('/ledger') ? `?itemId=${ids.items[0]}` : '';
      if (!template.includes('{id}')) return [template + query];
      const kind = template.split('/')[3];
      return (ids[kind] ?? []).map((id) => template.replace('{id}', id) + query);
    }

    it('answers every GET with JSON that fits its 200 schema: nothing missing, nothing undeclared, null only where nullable', async () => {
      const problems: string[] = [];
      let checked = 0;
      for (const { label, path: template, operation } of operations) {
        const schema = operation.responses['200']?.content?.['application/json']?.schema;
        if (!label.startsWith('GET ') || !schema) continue;
        const roles = operation['x-roles'] ?? [];
        const role = roles.includes('coordinator') ? 'coordinator' : roles[0];
        const paths = pathsFor(template);
        if (paths.length === 0) problems.push(`${label}: no record in the demo data to read`);
        for (const p of paths) {
          const answer = await (role ? request(api.url).get(p).set('Cookie', cookies[role]) : request(api.url).get(p));
          checked += 1;
          if (answer.status !== 200) {
            problems.push(`GET ${p}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
            continue;
          }
          problems.push(...schemaProblems(document.components.schemas, schema, answer.body, `GET ${p}`));
        }
      }
      expect(problems).toEqual([]);
      expect(checked).toBeGreaterThan(40);
    }, 60_000);

    it('answers writes with bodies that fit their 2xx schemas', async () => {
      const schemaOf = (label: string, status: string) => {
        const [method, template] = label.split(' ');
        return document.paths[template][method.toLowerCase()].responses[status].content!['application/json'].schema!;
      };
      const [point, item, camp] = [ids['stock-points'][0], ids.items[0], ids.camps[0]];
      const answers: Array<[string, string, request.Response]> = [
        ['POST /api/v1/auth/sign-in', '200', await request(api.url).post('/api/v1/auth/sign-in').send({ email: 'manager@hro.example', password: 'demo-password-2019' })],
        ['POST /api/v1/api-tokens', '201', await request(api.url).post('/api/v1/api-tokens').set('Cookie', cookies.admin).send({ name: 'OpenAPI spec' })],
        [
          'POST /api/v1/stock/receipts',
          '201',
          await request(api.url).post('/api/v1/stock/receipts').set('Cookie', cookies.coordinator).send({ stockPointId: point, itemId: item, quantity: 10, reference: 'WB-1' }),
        ],
        [
          'POST /api/v1/distributions',
          '201',
          await request(api.url)
            .post('/api/v1/distributions')
            .set('Cookie', cookies.field)
            .send({ clientId: '00000000-0000-4000-8000-0000000a0001', campId: camp, itemId: item, stockPointId: point, quantity: 1, households: 1, people: 5 }),
        ],
        [
          'POST /api/v1/distributions/import',
          '201',
          await request(api.url)
            .post('/api/v1/distributions/import')
            .set('Cookie', cookies.coordinator)
            .set('Content-Type', 'text/csv')
            .send(`client_id,camp_id,item_code,stock_point_id,quantity,households,people,distributed_at\r\n00000000-0000-4000-8000-0000000a0002,${camp},FOOD-PARCEL,${point},1,1,5,\r\n`),
        ],
      ];
      expect(answers.map(([label, , answer]) => `${label} ${answer.status}`)).toEqual(answers.map(([label, status]) => `${label} ${status}`));
      expect(answers.flatMap(([label, status, answer]) => schemaProblems(document.components.schemas, schemaOf(label, status), answer.body, label))).toEqual([]);
    });

    it('answers refusals with bodies that fit the Problem schema', async () => {
      const problemSchema = { $ref: '#/components/schemas/ProblemDto' };
      const refusals = [
        await request(api.url).get('/api/v1/camps'),
        await request(api.url).get('/api/v1/camps/00000000-0000-4000-8000-000000000000').set('Cookie', cookies.coordinator),
        await request(api.url).get('/api/v1/camps?pageSize=0&status=gone').set('Cookie', cookies.coordinator),
        await request(api.url).post('/api/v1/camps').set('Cookie', cookies.field).send({}),
        await request(api.url).post('/api/v1/camps').set('Cookie', cookies.coordinator).send({ nameEn: 7 }),
      ];
      expect(refusals.map((answer) => answer.status)).toEqual([401, 404, 400, 403, 400]);
      expect(refusals.flatMap((answer) => schemaProblems(document.components.schemas, problemSchema, answer.body, `${answer.status}`))).toEqual([]);
    });
  });
});
