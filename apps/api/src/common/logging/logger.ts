import { LoggerService } from '@nestjs/common';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import pino, { Logger } from 'pino';
import type { LogLevel } from '../../config/app-config.js';

/** One JSON line per event on stdout. Credentials never reach a log line. */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'relief-ledger' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'password', '*.password', 'databaseUrl'],
      censor: '[redacted]',
    },
  });
}

const STARTUP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/** Nest's own messages (startup, routes) go through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    // Nest's start-up chatter (one line per module and route) is detail, not news.
    this.write(context && STARTUP_CONTEXTS.has(context) ? 'debug' : 'info', message, context);
  }
  error(message: unknown, trace?: string, context?: string) {
    this.write('error', message, context, trace);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string) {
    this.write('fatal', message, context);
  }

  private write(level: pino.Level, message: unknown, context?: string, trace?: string) {
    if (typeof message === 'object' && message !== null) {
      this.logger[level]({ context, trace, ...(message as object) }, (message as { msg?: string }).msg ?? '');
    } else {
      this.logger[level]({ context, trace }, String(message));
    }
  }
}

/**
 * One line per request, written when it is answered (method, URL, client address, status and
 * time, under the request id), instead of Fastify's two ("incoming request" then "request
 * completed"): half the log writes of every request, the same facts. The arrival line is still
 * there at `debug`, for tracing requests that never finish.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    if (!this.isLogDisabled(request)) request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
