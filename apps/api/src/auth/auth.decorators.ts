import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission } from '@relief-ledger/domain';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../common/actor.js';
import { guardedOperation, publicOperation } from '../common/openapi/problem-responses.js';

export const PUBLIC_ROUTE = 'relief:public';
export const REQUIRED_PERMISSION = 'relief:permission';

/** Reachable without a session: only sign-in and health. The OpenAPI document says so (`security: []`). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), publicOperation());

/**
 * The permission (from the table in libs/domain) a route needs. A route without one is refused.
 * The OpenAPI document gets the roles that may (`x-roles`) and the refusals that follow: 401, and 403.
 */
export const Requires = (permission: Permission) => applyDecorators(SetMetadata(REQUIRED_PERMISSION, permission), guardedOperation(permission));

/** The signed-in actor; the guard has already refused requests without one. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<FastifyRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route the auth guard did not authenticate');
  return actor;
});
