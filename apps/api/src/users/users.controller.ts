import { Body, Controller, Get, Headers, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, UserResponse } from '@relief-ledger/domain';
import type { Actor } from '../common/actor.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { PageOf } from '../common/openapi/page.schema.js';
import { ProblemResponses } from '../common/openapi/problem-responses.js';
import { IdParam } from '../common/validation/id-param.js';
import { requireVersion } from '../common/validation/version.js';
import { CreateUserDto, UpdateUserDto, UserListQueryDto, UserResponseDto } from './dto/user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Requires('users.manage')
  @ApiOperation({ summary: 'List users' })
  @ApiOkResponse({ type: PageOf(UserResponseDto), description: 'Users of my organisation' })
  @ProblemResponses({ 400: ['validation_failed'] })
  list(@CurrentActor() actor: Actor, @Query() query: UserListQueryDto): Promise<Page<UserResponse>> {
    return this.users.list(actor, query);
  }

  @Post()
  @Requires('users.manage')
  @ApiOperation({ summary: 'Create a user', description: 'In my organisation, with a password of at least 12 characters that the user replaces (POST /api/v1/auth/password).' })
  @ApiCreatedResponse({ type: UserResponseDto, description: 'The new user, in my organisation' })
  @ProblemResponses({ 400: ['validation_failed'], 409: ['user.email_taken'] })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.users.create(actor, dto);
  }

  @Patch(':id')
  @Requires('users.manage')
  @ApiOperation({ summary: 'Change a user', description: 'Name, role, or active (false disables the user and ends all their sessions at once). Not your own role or active.' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read ("3"); instead of body version' })
  @ApiOkResponse({ type: UserResponseDto, description: 'Changed; active=false ends all their sessions' })
  @ProblemResponses({ 400: ['validation_failed'], 404: ['user.not_found'], 409: ['user.stale_version'], 422: ['user.self_change'], 428: ['version.required'] })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateUserDto, @Headers('if-match') ifMatch: string | undefined): Promise<UserResponse> {
    return this.users.update(actor, id, requireVersion(ifMatch, dto.version), dto);
  }
}
