import fastifyStatic from '@fastify/static';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Serves the built Angular app from the API's own port. Returns the fallback that answers
 * unknown browser routes (`/camps/…`) with index.html so deep links and reloads work; API
 * paths keep their problem+json 404.
 */
export async function serveWebApp(
  fastify: FastifyInstance,
  webDist: string,
): Promise<(request: FastifyRequest, reply: FastifyReply) => boolean> {
  const indexFile = path.join(webDist, 'index.html');
  if (!existsSync(indexFile)) return () => false;
  const indexHtml = readFileSync(indexFile, 'utf8');
  await fastify.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: true, index: ['index.html'], cacheControl: false, decorateReply: false,
    // The build writes each file's brotli and gzip forms beside it (apps/web/scripts/precompress.mjs):
    // served with Content-Encoding and Vary to clients that accept them, at no cost per request.
    preCompressed: true,
    // Hashed bundles never change; index.html must always be fresh to pick up a new release.
    setHeaders: (res, filePath) => {
      void res.header('cache-control', /-[A-Z0-9]{8}\.(js|css)(\.br|\.gz)?$/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api') && !path.extname(request.url.split('?')[0]);
    if (!wantsPage) return false;
    void reply.status(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    return true;
  };
}
