import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { guardPool, inRequestScope } from './common/database/organisation-context.js';
import type { Logger } from 'pino';
import rateLimit from '@fastify/rate-limit';
import { AppModule } from './app.module.js';
import { useSecurityHeaders } from './common/security/security-headers.js';
import { useCompression } from './common/http/compression.js';
import { AppConfig } from './config/app-config.js';
import { buildOpenApiDocument } from './common/openapi/openapi-document.js';
import { answerClientError } from './common/problem/client-error-handler.js';
import { answerWithin } from './common/problem/answer-within.js';
import { endDrains, settleRefusedBody } from './common/problem/refused-body.js';
import { ProblemExceptionFilter, sendProblem, toProblem } from './common/problem/problem-exception.filter.js';
import { OneLinePerRequest, PinoNestLogger } from './common/logging/logger.js';
import { useJsonBodyParserOnly } from './common/validation/json-body-parser.js';
import { createValidationPipe } from './common/validation/validation-pipe.js';
import { isSubresource, serveWebApp } from './web-app/serve-web-app.js';

/** 1 MiB: a camp or a distribution is a few hundred bytes; bulk uploads get their own limit. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Trust exactly the `hops` proxies nearest to us, whatever the client wrote further left. */
function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

/**
 * Builds the whole HTTP application, the same way for `npm start` and for the integration
 * tests, so that what is tested is what runs.
 */
export async function createApp(config: AppConfig, databaseUrl: string, logger: Logger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new OneLinePerRequest(),
    bodyLimit: BODY_LIMIT_BYTES,
    // Request ids let a user's report ("it failed at 14:10") be found in the logs.
    genReqId: () => crypto.randomUUID(),
    // Only behind a proxy that sets X-Forwarded-For; otherwise any client could forge its address.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    clientErrorHandler: answerClientError,
    // A URL Fastify cannot route (bad percent-encoding, an over-long id) is answered like every other refusal.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => sendProblem(reply, toProblem(error, request.url.split('?')[0])),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    // Nest would add JSON and form parsers; the API registers its own JSON-only parser below.
    bodyParser: false,
  });
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  // Each request in a scope of its own, which the auth guard gives its organisation; every
  // connection the pool hands out in it carries that organisation to row-level security.
  guardPool((app.get(DataSource).driver as unknown as { master: Pool }).master);
  fastify.addHook('preHandler', (_request, _reply, done) => inRequestScope(done));
  answerWithin(fastify, config.requestTimeoutSeconds * 1000);
  // Before the server waits for its connections to finish: those reading a refused body need not.
  fastify.addHook('preClose', async () => endDrains());
  useJsonBodyParserOnly(fastify);
  await useSecurityHeaders(fastify);
  await useCompression(fastify);
  await fastify.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    // The web app's own files are the same for everyone and cheap to serve (precompressed, cached): the
    // 70-odd of a cold start on a phone neither count against its budget nor carry the limit's headers.
    allowList: (request) => (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api') && isSubresource(request.url.split('?')[0]),
    // Throttled clients get the same problem+json as every other error, with Retry-After.
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s`), { statusCode: 429, code: 'rate_limited' }),
  });
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: true });
  // API answers hold people's data: a shared phone must not keep them in its cache after sign-out.
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/v1/')) void reply.header('cache-control', 'no-store');
    settleRefusedBody(request, reply);
    return payload;
  });

  const spaFallback = await serveWebApp(fastify, config.webDist);
  app.useGlobalFilters(new ProblemExceptionFilter(spaFallback));
  app.useGlobalPipes(createValidationPipe());

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs.json', useGlobalPrefix: false });

  await app.init();
  await fastify.ready();
  return app;
}
