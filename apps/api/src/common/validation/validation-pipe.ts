import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldError } from '@relief-ledger/domain';
import { ValidationException } from '../problem/app-exception.js';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, reason]) => ({
      field,
      reason: constraint === 'whitelistValidation' ? 'is not a field of this request' : withoutFieldName(reason, error.property),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** class-validator starts each message with the property name; the field is already named beside it. */
function withoutFieldName(reason: string, property: string): string {
  return reason.startsWith(`${property} `) ? reason.slice(property.length + 1) : reason;
}

/**
 * Strict by default: unknown fields are refused (not silently dropped), and JSON bodies are not
 * coerced ("12" is not a number). Query strings are converted only where a DTO says so.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: true,
    exceptionFactory: (errors) => new ValidationException(flatten(errors)),
  });
}
