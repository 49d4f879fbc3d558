import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendProblem, toProblem } from './problem-exception.filter.js';

/**
 * Every request ends with an answer: one that has not started answering within `ms` gets a 503
 * problem, whatever holds it (the database side is bounded too: statement_timeout has the same
 * value). Started is what counts: a report download that streams for minutes over a slow
 * network began its answer at once and is not cut (Fastify's own handlerTimeout would destroy
 * it mid-stream). The live event stream takes over its connection and is not bounded either.
 */
export function answerWithin(fastify: FastifyInstance, ms: number): void {
  const timers = new WeakMap<FastifyRequest, NodeJS.Timeout>();
  const clear = (request: FastifyRequest) => clearTimeout(timers.get(request));
  fastify.addHook('onRequest', (request, reply, done) => {
    const timer = setTimeout(() => {
      if (reply.sent || reply.raw.headersSent) return;
      request.log.warn({ timeoutMs: ms }, 'request not answered in time');
      sendProblem(reply, toProblem(Object.assign(new Error('not answered in time'), { code: 'FST_ERR_HANDLER_TIMEOUT', statusCode: 503 }), request.url.split('?')[0]));
    }, ms);
    timer.unref();
    timers.set(request, timer);
    done();
  });
  fastify.addHook('onSend', async (request, _reply, payload) => {
    clear(request);
    return payload;
  });
  fastify.addHook('onRequestAbort', async (request) => clear(request));
}
