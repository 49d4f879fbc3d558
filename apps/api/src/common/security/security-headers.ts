import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * helmet's headers with a content security policy the web app and the API docs work under:
 * scripts and connections from this origin only; inline styles allowed (Angular Material and
 * Swagger UI set them); no framing, no plugins, forms post only here.
 */
export async function useSecurityHeaders(fastify: FastifyInstance): Promise<void> {
  await fastify.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The docs page loads its own assets; COEP would block nothing we need but breaks older browsers.
    crossOriginEmbedderPolicy: false,
  });
}
