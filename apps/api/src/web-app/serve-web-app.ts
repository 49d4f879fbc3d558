import fastifyStatic from '@fastify/static';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Security headers that only a document (or a worker) acts on: a browser ignores them on a script,
 * a style sheet, a font or a translation file. Sent on each of the 50-odd files a cold start
 * fetches they cost about 800 bytes apiece, 40 KB on a 400 kbps field network, so those files
 * go without them. Documents (index.html, every app route, an SVG opened on its own) and the
 * service worker's scripts (which a CSP governs) keep them all; nosniff and
 * Cross-Origin-Resource-Policy stay on everything.
 */
const DOCUMENT_ONLY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

/** A file the app loads into its page, never opened as a document or run as a worker. */
export function isSubresource(filePath: string): boolean {
  const name = path.basename(filePath).replace(/\.(br|gz)$/, '');
  return /\.(js|css|json|webmanifest|woff2?|png|ico)$/.test(name) && !/worker/.test(name);
}

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
    // Hashed bundles never change (esbuild names them chunk-3G5Q7TZB.js, the chunk optimiser chunk-B1NKlkf-.js);
    // index.html must always be fresh to pick up a new release.
    setHeaders: (res, filePath) => {
      void res.header('cache-control', /-[A-Za-z0-9_-]{8}\.(js|css)(\.br|\.gz)?$/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (isSubresource(filePath)) for (const name of DOCUMENT_ONLY_HEADERS) res.raw.removeHeader(name);
    },
  });
  return (request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api') && !path.extname(request.url.split('?')[0]);
    if (!wantsPage) return false;
    void reply.status(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    return true;
  };
}
