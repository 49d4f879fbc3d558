import { Body, Controller, Get, Headers, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Page, UserResponse } from '@relief-ledger/domain';
import type { Actor } from '../common/actor.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { IdParam } from '../common/validation/id-param.js';
import { requireVersion } from '../common/validation/version.js';
import { CreateUserDto, UpdateUserDto, UserListQueryDto } from './dto/user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Requires('users.manage')
  @ApiOkResponse({ description: 'Users of my organisation' })
  list(@CurrentActor() actor: Actor, @Query() query: UserListQueryDto): Promise<Page<UserResponse>> {
    return this.users.list(actor, query);
  }

  @Post()
  @Requires('users.manage')
  @ApiCreatedResponse({ description: 'The new user, in my organisation' })
  @ApiConflictResponse({ description: 'The email is already used' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.users.create(actor, dto);
  }

  @Patch(':id')
  @Requires('users.manage')
  @ApiOkResponse({ description: 'Changed; active=false ends all their sessions' })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateUserDto, @Headers('if-match') ifMatch: string | undefined): Promise<UserResponse> {
    return this.users.update(actor, id, requireVersion(ifMatch, dto.version), dto);
  }
}
