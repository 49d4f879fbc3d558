import type { FastifyReply, FastifyRequest } from 'fastify';

/** More of a refused body than this is not worth reading to keep one connection open. */
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;
/** How long the rest of a refused body may take to arrive. */
const DRAIN_PATIENCE_MS = 10_000;

/**
 * An answer sent before the request's body has all arrived (an upload refused after its first
 * chunk, a body over the limit): the rest of the body would otherwise be read as the next
 * request on the connection, which would never get its answer. Read and discard it, so the
 * client can finish sending and read the answer and the connection stays usable; when there is
 * too much left, or the body can no longer be read, say `Connection: close` instead (a client
 * that is still sending then may see the connection reset, which is the lesser evil).
 */
/** Connections still reading a refused body: a shutdown does not wait for them. */
const draining = new Set<import('node:net').Socket>();

export function endDrains(): void {
  for (const socket of draining) socket.destroy();
  draining.clear();
}

export function settleRefusedBody(request: FastifyRequest, reply: FastifyReply): void {
  const raw = request.raw;
  if (raw.complete) return;
  const declared = Number(raw.headers['content-length']);
  if (raw.destroyed || (Number.isFinite(declared) && declared > DRAIN_MAX_BYTES)) {
    void reply.header('connection', 'close');
    return;
  }
  // Fastify says Connection: close when its parser refused a body; reading the rest is kinder
  // (a client still sending would otherwise get the connection reset before reading the answer).
  reply.removeHeader('connection');
  let drained = 0;
  // A client that stops sending part way would hold the connection (and a clean shutdown) for
  // ever: it gets a few seconds to finish, as it would to send the next request.
  const patience = setTimeout(() => raw.socket.destroy(), DRAIN_PATIENCE_MS);
  patience.unref();
  draining.add(raw.socket);
  const done = () => {
    clearTimeout(patience);
    draining.delete(raw.socket);
  };
  raw.once('end', done);
  raw.once('close', done);
  raw.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_MAX_BYTES) raw.socket.destroy();
  });
  raw.resume();
}
