import { Body, Controller, Get, HttpCode, Inject, Post, Put, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SessionResponse } from '@relief-ledger/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../common/actor.js';
import { CurrentActor, Public, Requires } from './auth.decorators.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordDto, SignInDto, PreferencesDto, SessionResponseDto } from './dto/auth.dto.js';
import { ProblemResponses } from '../common/openapi/problem-responses.js';
import { APP_CONFIG } from '../app-config.token.js';
import type { AppConfig } from '../config/app-config.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in', description: 'Wrong email and wrong password get the same answer. Too many failed sign-ins for one account or from one address answer 429 until the window has passed.' })
  @ApiOkResponse({
    type: SessionResponseDto,
    description: 'Signed in; the session travels in an HttpOnly cookie',
    headers: { 'Set-Cookie': { description: 'rl_session=…; Path=/; HttpOnly; SameSite=Strict', schema: { type: 'string' } } },
  })
  @ProblemResponses({ 400: ['validation_failed'], 401: ['auth.invalid_credentials'], 429: ['auth.throttled'] })
  async signIn(@Body() dto: SignInDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionResponse> {
    const signedIn = await this.auth.signIn(dto.email, dto.password, request.ip);
    setSessionCookie(request, reply, signedIn.token, signedIn.maxAgeSeconds, this.config.production);
    return signedIn.session;
  }

  @Post('sign-out')
  @Requires('account.self')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out' })
  @ApiNoContentResponse({ description: 'The session has ended; the cookie is cleared' })
  async signOut(@CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.signOut(actor);
    clearSessionCookie(request, reply, this.config.production);
  }

  @Post('password')
  @Requires('account.self')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your password' })
  @ApiNoContentResponse({ description: 'Changed; every other session of yours has ended' })
  @ProblemResponses({ 400: ['validation_failed'], 401: ['auth.wrong_password'] })
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }

  @Put('preferences')
  @Requires('account.self')
  @ApiOperation({ summary: 'Set your language and digits' })
  @ApiOkResponse({ type: SessionResponseDto, description: 'Your language (en, ar, tr) and digits (latn, arab), kept for you on every device: the session as it is now' })
  @ProblemResponses({ 400: ['validation_failed'] })
  preferences(@CurrentActor() actor: Actor, @Body() dto: PreferencesDto): Promise<SessionResponse> {
    return this.auth.setPreferences(actor, dto);
  }

  @Get('session')
  @Requires('account.self')
  @ApiOperation({ summary: 'Who is signed in' })
  @ApiOkResponse({ type: SessionResponseDto, description: 'Who is signed in, and their organisation' })
  session(@CurrentActor() actor: Actor): Promise<SessionResponse> {
    return this.auth.describe(actor);
  }
}
