import type { Role } from '@relief-ledger/domain';

/** Who is making the request, as established by the auth guard. Services take it as a parameter. */
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
