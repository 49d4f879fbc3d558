import http from 'node:http';

/** One request exactly as it goes on the wire: the path is sent as given (already percent-encoded). */
export interface RawRequest {
  method: string;
  /** Path and query string. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The first few KB of the answer: enough to report, never a whole page of records. */
  body: string;
  ms: number;
  /** The request went out on a connection an earlier request had used (keep-alive). */
  reusedSocket: boolean;
}

/** No status line came back: the time ran out, or the connection failed before any answer. */
export class NoAnswerError extends Error {
  constructor(
    readonly reason: 'timeout' | 'connection',
    message: string,
  ) {
    super(message);
  }
}

const KEPT_CHARS = 4_000;
const PIECE_BYTES = 64 * 1024;

/**
 * Sends one request with node:http (no client-side rewriting of the path, the body or the
 * content type) and resolves with the answer, or rejects with NoAnswerError after `timeoutMs`.
 * The time includes waiting for a free connection of `agent`: with `maxSockets: 1`, a request
 * queued behind a connection the server left stuck times out too, which is the point.
 *
 * The body is written in pieces, honouring back-pressure, and whole even when the server answered
 * early and keeps the connection, as a client must for the connection to carry the next request;
 * only an early answer that closes the connection (`Connection: close`, a 413) stops the upload,
 * as browsers do. A large body waits a moment after the headers, so that such an answer can come
 * before the upload: otherwise the server's close would reset a connection the client is still
 * writing to and lose the answer. A write error after the answer is ignored. A Server-Sent
 * Events answer never ends: its status and headers are the answer.
 */
export function sendRaw(baseUrl: string, request: RawRequest, options: { agent?: http.Agent; timeoutMs: number }): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let settled = false;
    let answered = false;
    let closing = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const headers: Record<string, string | number> = { ...request.headers };
    if (request.body && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-length')) headers['content-length'] = request.body.length;
    const req = http.request(
      { host: url.hostname, port: url.port, method: request.method, path: request.path, headers, agent: options.agent ?? false },
      (res) => {
        answered = true;
        closing = /close/i.test(String(res.headers.connection ?? ''));
        const answer = (body: string): RawAnswer => ({ status: res.statusCode ?? 0, headers: res.headers, body, ms: Date.now() - started, reusedSocket: req.reusedSocket });
        if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
          finish(() => resolve(answer('')));
          req.destroy();
          return;
        }
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < KEPT_CHARS) text += chunk.slice(0, KEPT_CHARS - text.length);
        });
        res.on('end', () => {
          finish(() => resolve(answer(text)));
          // An upload cut short leaves a connection nobody can use again.
          if (offset < (request.body?.length ?? 0)) req.destroy();
        });
        // Cut off after the status line: still an answer, with what came of the body.
        res.on('aborted', () => finish(() => resolve(answer(text))));
        res.on('error', () => finish(() => resolve(answer(text))));
      },
    );
    const timer = setTimeout(() => {
      finish(() => reject(new NoAnswerError('timeout', `no answer within ${options.timeoutMs} ms`)));
      req.destroy();
    }, options.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (!answered) finish(() => reject(new NoAnswerError('connection', `${error.code ?? error.message} before any answer`)));
    });
    const body = request.body;
    let offset = 0;
    if (!body || body.length === 0) return void req.end();
    const writeMore = () => {
      while (offset < body.length && !req.destroyed && !closing) {
        const piece = body.subarray(offset, offset + PIECE_BYTES);
        offset += piece.length;
        // The last piece goes with end(), never held for a 'drain': an answer that ends meanwhile (the
        // server refused the upload early and read the rest) would otherwise find the request not yet
        // ended, and Node's agent never hands the connection to the next request.
        if (offset >= body.length) return void req.end(piece);
        if (!req.write(piece)) return void req.once('drain', writeMore);
      }
      if (!req.destroyed && !closing) req.end();
    };
    if (body.length <= PIECE_BYTES) return writeMore();
    req.flushHeaders();
    setTimeout(writeMore, 50);
  });
}
