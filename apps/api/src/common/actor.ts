import type { Role } from '@relief-ledger/domain';

/**
 * Who is making the request, as established by the auth guard (auth/). It lives in common/
 * because every feature takes it: services as a parameter, repositories its organisationId,
 * the one scope of every record an organisation owns.
 */
export interface Actor {
  userId: string;
  organisationId: string;
  role: Role;
  name: string;
  /** Set when signed in through the browser; absent for API tokens. */
  sessionId?: string;
  apiTokenId?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}
