import { fieldProblem } from '@relief-ledger/domain';
import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { ValidationException } from '../problem/app-exception.js';

/**
 * `:id` route parameter that must be a UUID; anything else is a 400 naming the field. The
 * OpenAPI document says so too (`format: uuid`), so a generated client types it.
 */
export function IdParam(name = 'id'): ParameterDecorator {
  const param = Param(name, new ParseUUIDPipe({ exceptionFactory: () => new ValidationException([fieldProblem(name, 'field.uuid')]) }));
  const documented = ApiParam({ name, type: 'string', format: 'uuid' });
  return (target, key, index) => {
    param(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (descriptor) documented(target, key!, descriptor);
  };
}
