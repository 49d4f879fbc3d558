import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { problemText, type FieldError, type ProblemCode, type ProblemParams } from '@relief-ledger/domain';
import { VALUE_CODED } from './decorators.js';
import { AppException, ValidationException } from '../problem/app-exception.js';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, reason]): FieldError => {
      if (constraint === 'whitelistValidation') return { field, reason: problemText('field.unknown'), code: 'field.unknown' };
      const coded = codeOf(constraint, error);
      return { field, reason: withoutFieldName(reason, error.property), ...coded };
    });
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The code and parameters of a refusal: from the decorator's context, or by asking its check again. */
function codeOf(constraint: string, error: ValidationError): { code?: string; params?: ProblemParams } {
  const context = error.contexts?.[constraint] as { code?: string; params?: ProblemParams } | undefined;
  if (context?.code) return context.params ? { code: context.code, params: context.params } : { code: context.code };
  const check = VALUE_CODED.get(constraint)?.(error.value);
  if (check && !check.ok) return check.params ? { code: check.code, params: check.params } : { code: check.code };
  return { code: FRAMEWORK_CONSTRAINTS[constraint] ?? 'field.invalid' };
}

/** Refusals of class-validator and Nest's pipe itself (no decorator of ours gave them a code). */
const FRAMEWORK_CONSTRAINTS: Record<string, ProblemCode> = {
  isObject: 'field.object',
  unknownValue: 'field.unknown',
  isDefined: 'field.required',
  nestedValidation: 'field.object',
};

/** class-validator starts each message with the property name; the field is already named beside it. */
function withoutFieldName(reason: string, property: string): string {
  return reason.startsWith(`${property} `) ? reason.slice(property.length + 1) : reason;
}

/** What JSON.parse can give: plain objects and arrays of them, text, numbers, booleans, null. */
export function isParsedJson(value: unknown): boolean {
  // Iterative, like the parser's depth check: the body is at most 32 levels deep by then anyway.
  const stack: unknown[] = [value];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || ['string', 'number', 'boolean'].includes(typeof node)) continue;
    if (typeof node !== 'object') return false;
    const prototype = Object.getPrototypeOf(node);
    if (!Array.isArray(node) && prototype !== Object.prototype && prototype !== null) return false;
    stack.push(...Object.values(node as object));
  }
  return true;
}

/**
 * class-transformer walks whatever it is given. Handed a request stream it once reached the
 * socket's native handle and aborted the process, so the pipe takes only what JSON.parse
 * makes; anything else (a stream, a buffer) means the body was not JSON: 415, never validated.
 */
class JsonOnlyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && value !== undefined && !isParsedJson(value)) {
      throw new AppException(415, 'validation.content_type', 'Unsupported media type', undefined, undefined, { expected: 'application/json' });
    }
    return super.transform(value, metadata);
  }
}

/**
 * Strict by default: unknown fields are refused (not silently dropped), and JSON bodies are not
 * coerced ("12" is not a number). Query strings are converted only where a DTO says so.
 */
export function createValidationPipe(): ValidationPipe {
  return new JsonOnlyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // The value stays inside the pipe: it lets codeOf() name the date rule a value broke, and is never sent.
    validationError: { target: false, value: true },
    stopAtFirstError: true,
    exceptionFactory: (errors) => new ValidationException(flatten(errors)),
  });
}
