import type { FastifyReply, FastifyRequest } from 'fastify';

/** More of a refused body than this is not worth reading to keep one connection open. */
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;

/**
 * An answer sent before the request's body has all arrived (an upload refused after its first
 * chunk, a body over the limit): the rest of the body would otherwise be read as the next
 * request on the connection, which would never get its answer. Read and discard it, so the
 * client can finish sending and read the answer and the connection stays usable; when there is
 * too much left, or the body can no longer be read, say `Connection: close` instead (a client
 * that is still sending then may see the connection reset, which is the lesser evil).
 */
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
  raw.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_MAX_BYTES) raw.socket.destroy();
  });
  raw.resume();
}
