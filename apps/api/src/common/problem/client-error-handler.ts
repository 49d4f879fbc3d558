import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/** Node's parser refusals that happen before a request exists, with the status each deserves. */
const STATUS_BY_CODE: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  HPE_URI_TOO_LONG: 414,
};

/**
 * The answer to a request that Node could not even parse (headers too large, a broken request
 * line): problem+json like every other refusal, with `Connection: close`, because the rest of
 * what the client sent cannot be read as a next request; the socket is then closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection is already gone: nobody is left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = STATUS_BY_CODE[error.code ?? ''] ?? 400;
  const detail =
    status === 431
      ? 'The request headers are too large (a cookie or a header far longer than this API sends); nothing was done'
      : status === 408
        ? 'The request took too long to arrive; nothing was done'
        : 'The request could not be read as HTTP; nothing was done';
  const code = status === 408 ? 'request.timeout' : status === 400 ? 'request.malformed' : 'request.too_large';
  const body = JSON.stringify({ type: 'about:blank', title: STATUS_CODES[status], status, code, detail });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroySoon();
}
