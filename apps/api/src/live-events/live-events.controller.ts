import { Controller, Get, Headers, Inject, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can, fieldProblem, LIVE_EVENT_TYPES, LIVE_RESET_EVENT } from '@relief-ledger/domain';
import { ProblemResponses } from '../common/openapi/problem-responses.js';
import type { Actor } from '../common/actor.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { AuthService } from '../auth/auth.service.js';
import { APP_CONFIG } from '../app-config.token.js';
import type { AppConfig } from '../config/app-config.js';
import { ValidationException } from '../common/problem/app-exception.js';
import { LiveEventsService, WireEvent } from './live-events.service.js';

/** What a slow client may leave unread before its stream is closed (it reconnects and replays). */
const MAX_BUFFERED_BYTES = 1_000_000;

function frame(event: WireEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

@ApiTags('live')
@Controller('v1/events')
export class LiveEventsController {
  constructor(
    private readonly live: LiveEventsService,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Requires('convoys.read')
  @ApiOperation({ summary: 'Follow the live board (Server-Sent Events)' })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Sent by a reconnecting browser: the events after it are replayed first' })
  @ApiOkResponse({
    description:
      'Server-Sent Events: convoy status changes, check-ins, incidents, pause windows. After a reconnect that is too far behind (events are kept 7 days), an `event: reset` says: reload.',
    // OpenAPI 3.0 has no schema for the frames of a stream: their form, in words.
    content: {
      'text/event-stream': {
        schema: {
          type: 'string',
          description: `A stream that does not end: frames of \`id:\` (send it back as Last-Event-ID), \`event:\` (${[...LIVE_EVENT_TYPES, LIVE_RESET_EVENT].join(', ')}) and \`data:\` (the event as JSON: a convoy's status or check-in, an IncidentResponseDto, a PauseWindowResponseDto; LiveEvent in libs/domain), and \`: keep-alive\` comments.`,
        },
      },
    },
  })
  @ProblemResponses({ 400: ['validation_failed'] })
  async stream(
    @CurrentActor() actor: Actor,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (lastEventId !== undefined && !/^\d{1,18}$/.test(lastEventId)) {
      throw new ValidationException([fieldProblem('Last-Event-ID', 'field.last_event_id')]);
    }
    const raw = reply.raw;
    reply.hijack();
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    // HEAD (which Fastify routes here too) asks for the headers alone: a stream never ends, so it ends now.
    if (request.method === 'HEAD') {
      raw.end();
      return;
    }

    // Comment lines keep proxies and phones' networks from closing an idle stream. The stream
    // outlives the request that opened it, so at each one the credential is checked again:
    // signing out, expiry or a disabled user ends the stream too.
    const heartbeat = setInterval(() => {
      void this.auth
        .authenticate(request)
        .then((still) => (still?.userId === actor.userId && can({ role: still.role, permission: 'convoys.read' }) ? write(': keep-alive\n\n') : close()))
        .catch(close);
    }, this.config.liveHeartbeatSeconds * 1_000);
    let unsubscribe = () => {};
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
      if (!raw.writableEnded) raw.end();
    };
    // A phone on a slow link must not make the server hold an ever longer queue: past this the
    // stream is closed, and the browser reconnects and is replayed from where it was.
    const write = (chunk: string) => {
      if (raw.writableEnded || raw.destroyed) return;
      if (raw.writableLength > MAX_BUFFERED_BYTES) return close();
      raw.write(chunk);
    };
    raw.on('error', close);
    request.raw.on('close', close);
    write('retry: 3000\n\n');

    // Subscribe before replaying, holding live events back until the replay is written, so
    // nothing committed in between is lost; an event that is in both is sent once.
    let replaying = true;
    const held: WireEvent[] = [];
    const replayed = new Set<string>();
    unsubscribe = this.live.subscribe(actor, (event) => (replaying ? held.push(event) : write(frame(event))), close);
    try {
      if (lastEventId !== undefined) {
        const replay = await this.live.replay(actor, lastEventId);
        // Too far behind (events pruned, or more than a replay holds): the browser reloads instead.
        if (!replay.complete) write('event: reset\ndata: {}\n\n');
        for (const event of replay.events) {
          replayed.add(event.id);
          write(frame(event));
        }
      }
    } catch {
      close();
    } finally {
      replaying = false;
      for (const event of held.splice(0)) if (!replayed.has(event.id)) write(frame(event));
    }
  }
}
