import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'rl_session';

export function readSessionCookie(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

/**
 * Secure everywhere but a developer's plain-http localhost. In production always Secure: behind
 * a reverse proxy the Host header says 127.0.0.1 while the browser is on https.
 */
function secure(request: FastifyRequest, production: boolean): boolean {
  if (production) return true;
  const plainLocalhost = request.protocol === 'http' && ['localhost', '127.0.0.1', '[::1]'].includes(request.hostname.replace(/:\d+$/, ''));
  return !plainLocalhost;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number, production: boolean): void {
  const attributes = [`${SESSION_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`];
  if (secure(request, production)) attributes.push('Secure');
  void reply.header('set-cookie', attributes.join('; '));
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, production: boolean): void {
  const attributes = [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Strict', 'Max-Age=0'];
  if (secure(request, production)) attributes.push('Secure');
  void reply.header('set-cookie', attributes.join('; '));
}
