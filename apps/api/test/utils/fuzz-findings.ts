import { FuzzRequest, mediaTypeOf } from './hostile-input';

export type FindingKind =
  | 'server error'
  | 'no answer within 5 s'
  | 'connection dropped without an answer'
  | 'process exited'
  | 'refused, yet wrote rows'
  | 'a read wrote rows'
  | 'error not problem+json'
  | 'problem code not in PROBLEM_TEXT'
  | 'unhealthy after the batch';

/** A request as it was sent: who sent it, and for which operation of the document. */
export interface SentRequest extends FuzzRequest {
  /** `coordinator`, …, or `anonymous`. */
  role: string;
  /** `POST /api/v1/camps`: the operation it was generated for. */
  operation: string;
  /** The account whose session went with it, and that session's cookie (`rl_session=…`). */
  account?: string;
  session?: string;
}

/** The headers on the wire: the session goes with whatever odd cookie the generator chose. */
export function wireHeaders(request: SentRequest): Record<string, string> {
  const { cookie } = request.headers;
  if (!request.session) return request.headers;
  return { ...request.headers, cookie: cookie ? `${cookie}; ${request.session}` : request.session };
}

/** `$FUZZ_COORDINATOR_COOKIE` for fuzz-coordinator@hro.example: what a reproduction calls a session. */
const cookieVariable = (account: string) => `$${account.split('@')[0].replace(/\W/g, '_').toUpperCase()}_COOKIE`;

export interface Finding {
  kind: FindingKind;
  request: SentRequest;
  /** What tells this defect from others of its kind on the same operation: status and logged error, the crash's first lines, the tables written. */
  signature: string;
  /** The answer, or what happened instead. */
  detail: string;
  /** The request before it on the same connection, when that may be the cause (a stalled keep-alive connection). */
  previous?: SentRequest;
  /** The cause lies outside any one operation (the HTTP layer, the body parsers): one group for all operations. */
  everywhere?: boolean;
}

const BODY_SHOWN = 300;

/** `'…'` for the shell, with `$'…'` and escapes when the text holds bytes a terminal would mangle. */
function shellQuote(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  if (/^[\x20-\x7e]*$/.test(text)) return `'${text.replace(/'/g, `'\\''`)}'`;
  return `$'${[...bytes].map((b) => (b >= 0x20 && b < 0x7f && b !== 0x27 && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('')}'`;
}

/**
 * A curl command that sends the same request (the session as a shell variable: sign in first).
 * Known ids are replaced by what they are (`<own camp>`, `<other organisation's convoy>`) so the
 * line reads, and still runs once the variables are set; long bodies are cut and their length said.
 */
export function reproduction(request: SentRequest, labels: Map<string, string>): string {
  const label = (text: string) => [...labels].reduce((t, [id, name]) => t.split(id).join(name), text);
  const parts = [`curl -si -X ${request.method} "$API${label(request.path.length > 200 ? `${request.path.slice(0, 200)}…(${request.path.length} chars)` : request.path)}"`];
  const session = request.account && cookieVariable(request.account);
  if (session && !request.headers.cookie) parts.push(`-b "${session}"`);
  for (const [name, value] of Object.entries(request.headers)) {
    const shown = value.length > 100 ? `${value.slice(0, 100)}…(${value.length} chars)` : value;
    if (name === 'cookie' && session) parts.push(`-H "cookie: ${shown.replace(/["$`\\]/g, '\\$&')}; ${session}"`);
    else parts.push(`-H ${shellQuote(Buffer.from(`${name}: ${shown}`, 'latin1'))}`);
  }
  if (request.body?.length) {
    const shown = request.body.subarray(0, BODY_SHOWN);
    parts.push(`--data-binary ${shellQuote(Buffer.from(label(shown.toString('latin1')), 'latin1'))}${request.body.length > BODY_SHOWN ? `…(${request.body.length} bytes)` : ''}`);
  }
  return parts.join(' ');
}

/**
 * Everything the fuzz saw: request and status counts, and failures grouped by kind, operation
 * and signature, so a run reports each distinct defect once with how often it came and one
 * request that shows it.
 */
export class FuzzFindings {
  requests = 0;
  readonly statuses = new Map<string, number>();
  /** Requests generated but not sent, and why (a content type that already brought the process down). */
  readonly skipped = new Map<string, number>();
  private readonly groups = new Map<string, { finding: Finding; count: number; operations: Set<string>; mediaTypes: Set<string> }>();

  constructor(private readonly labels: Map<string, string>) {}

  counted(status: number | 'no answer'): void {
    this.requests++;
    this.statuses.set(String(status), (this.statuses.get(String(status)) ?? 0) + 1);
  }

  skip(reason: string): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }

  add(finding: Finding): void {
    const key = `${finding.kind}|${finding.everywhere ? '*' : finding.request.operation}|${finding.signature}`;
    const group = this.groups.get(key) ?? { finding, count: 0, operations: new Set<string>(), mediaTypes: new Set<string>() };
    group.count++;
    group.operations.add(finding.request.operation);
    group.mediaTypes.add(mediaTypeOf(finding.request.headers['content-type']));
    this.groups.set(key, group);
  }

  get size(): number {
    return this.groups.size;
  }

  /** One entry per distinct failure: what, where, how often, one reproduction and the answer. */
  report(): string[] {
    return [...this.groups.values()].map(({ finding: f, count, operations, mediaTypes }) =>
      [
        `[${f.kind}${count > 1 ? ` ×${count}` : ''}] ${f.everywhere ? `${operations.size} operation${operations.size > 1 ? 's' : ''}, e.g. ${f.request.operation}` : f.request.operation} — ${f.signature}`,
        `  as ${f.request.role}, ${[...mediaTypes].join(' | ')}${f.request.note ? `, ${f.request.note}` : ''}`,
        ...(f.previous ? [`  after, on the same connection: ${reproduction(f.previous, this.labels)}`] : []),
        `  ${reproduction(f.request, this.labels)}`,
        `  → ${f.detail.replace(/\s+/g, ' ').slice(0, 400)}`,
      ].join('\n'),
    );
  }

  /** What the reproductions' variables stand for. */
  legend(apiUrl: string): string {
    return (
      `$API is ${apiUrl}; $ADMIN_COOKIE and the like are sessions of admin@hro.example and the like: ` +
      `curl -si "$API/api/v1/auth/sign-in" -H 'content-type: application/json' --data-binary '{"email":"admin@hro.example","password":"demo-password-2019"}' ` +
      `(the fuzz-…@hro.example accounts the spec creates have the password fuzz-password-2019)`
    );
  }

  statusLine(): string {
    return [...this.statuses].sort(([a], [b]) => a.localeCompare(b)).map(([status, n]) => `${status}: ${n}`).join(', ');
  }
}
