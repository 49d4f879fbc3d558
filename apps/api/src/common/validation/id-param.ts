import { fieldProblem } from '@relief-ledger/domain';
import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ValidationException } from '../problem/app-exception.js';

/** `:id` route parameter that must be a UUID; anything else is a 400 naming the field. */
export function IdParam(name = 'id'): ParameterDecorator {
  return Param(name, new ParseUUIDPipe({ exceptionFactory: () => new ValidationException([fieldProblem(name, 'field.uuid')]) }));
}
