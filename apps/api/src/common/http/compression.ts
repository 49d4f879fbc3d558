import compress from '@fastify/compress';
import { constants } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

/** Below this an answer is sent as it is: compressing a few hundred bytes saves less than it costs. */
export const COMPRESS_ABOVE_BYTES = 1024;

/**
 * Compresses API answers for phones on field networks (brotli when the client offers it, else
 * gzip), above 1 KB and only for compressible types (JSON, CSV; not XLSX, already a zip).
 *
 * - Brotli at quality 4: close to gzip's speed with smaller output; the highest qualities
 *   cost tens of milliseconds per answer, fine for the build's static files, not per request.
 * - The event stream is written to the raw socket (the controller takes the reply over), so it
 *   is never buffered by a compressor and each event still leaves at once.
 * - Static files come precompressed from the build (`@fastify/static`'s `preCompressed`): an
 *   answer that already has a Content-Encoding is left alone.
 * - No answer mixes a secret with text a third party chose (the one secret in a body, a new API
 *   token, is under the threshold), so compression does not open a BREACH-style leak.
 */
export async function useCompression(fastify: FastifyInstance): Promise<void> {
  await fastify.register(compress, {
    global: true,
    threshold: COMPRESS_ABOVE_BYTES,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}
