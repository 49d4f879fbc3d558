import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators.js';
import { ProblemResponses } from '../common/openapi/problem-responses.js';
import { ProblemDto } from '../common/openapi/problem.schema.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** For load balancers and compose: 200 only when the database answers. */
  @Get()
  @Public()
  @ApiOperation({ summary: 'Check health' })
  @ApiOkResponse({
    description: 'The API and its database are up',
    schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] }, database: { type: 'string', enum: ['ok'] } }, required: ['status', 'database'] },
  })
  @ProblemResponses({ 429: ['rate_limited'] })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer', content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } } })
  async check(): Promise<{ status: 'ok'; database: 'ok' }> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new HttpException('The database does not answer', HttpStatus.SERVICE_UNAVAILABLE);
    }
    return { status: 'ok', database: 'ok' };
  }
}
