import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe; `prefix` tells a leaked API token apart from a session at a glance. */
export function newSecretToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Tokens are stored as SHA-256: enough for 256-bit random secrets, and fast on every request. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
