import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can, type Permission } from '@relief-ledger/domain';
import type { FastifyRequest } from 'fastify';
import { AuthException } from './auth.exception.js';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from './auth.decorators.js';
import { AuthService } from './auth.service.js';

/**
 * Global: every route needs a session (or API token) and the permission it declares, checked
 * against the table in libs/domain. A route that declares neither @Public nor @Requires is
 * refused, so a new endpoint cannot be born unprotected.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const actor = await this.auth.authenticate(request);
    if (!actor) throw AuthException.required();
    request.actor = actor;

    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (!permission) {
      this.logger.error(`${request.method} ${request.routeOptions.url} declares no permission: refused`);
      throw AuthException.forbidden();
    }
    if (!can({ role: actor.role, permission })) throw AuthException.forbidden();
    return true;
  }
}
