import { InjectionToken } from '@angular/core';

/**
 * Makes the id a device gives a record (a distribution, a check-in, an incident) before sending it,
 * so that a re-send after a dropped connection is recognised by the server and never recorded
 * twice. A token, so specs can name the ids.
 */
export const NEW_CLIENT_ID = new InjectionToken<() => string>('NEW_CLIENT_ID', {
  providedIn: 'root',
  factory: () => randomClientId,
});

/**
 * A version 4 UUID. `crypto.randomUUID()` exists only in secure contexts (HTTPS, localhost); a
 * field office reaching the app over plain HTTP on its LAN still has `getRandomValues`.
 */
export function randomClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
