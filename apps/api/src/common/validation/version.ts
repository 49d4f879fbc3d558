import { fieldProblem } from '@relief-ledger/domain';
import type { FastifyReply } from 'fastify';
import { AppException, ValidationException } from '../problem/app-exception.js';

/** The ETag of a versioned record is its version: `"7"`. */
export function withEtag<T extends { version: number }>(reply: FastifyReply, record: T): T {
  void reply.header('etag', `"${record.version}"`);
  return record;
}

/** Reads `If-Match: "7"` (or `W/"7"`); undefined when absent. */
export function versionFromIfMatch(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined) return undefined;
  const match = /^(?:W\/)?"(\d{1,10})"$/.exec(ifMatch.trim());
  if (!match) throw new ValidationException([fieldProblem('If-Match', 'field.if_match')]);
  return Number(match[1]);
}

/** The version an update is based on, from If-Match or the body; an update without one is refused. */
export function requireVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number {
  const version = versionFromIfMatch(ifMatch) ?? bodyVersion;
  if (version === undefined) {
    throw new AppException(428, 'version.required', 'Version required', undefined, [
      fieldProblem('version', 'field.version_required'),
    ]);
  }
  return version;
}
