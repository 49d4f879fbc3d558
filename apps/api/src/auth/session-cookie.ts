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

/** Browsers keep Secure cookies from plain http only on localhost; everywhere else TLS is required. */
function secure(request: FastifyRequest): boolean {
  const plainLocalhost = request.protocol === 'http' && ['localhost', '127.0.0.1', '[::1]'].includes(request.hostname.replace(/:\d+$/, ''));
  return !plainLocalhost;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  const attributes = [`${SESSION_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`];
  if (secure(request)) attributes.push('Secure');
  void reply.header('set-cookie', attributes.join('; '));
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const attributes = [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Strict', 'Max-Age=0'];
  if (secure(request)) attributes.push('Secure');
  void reply.header('set-cookie', attributes.join('; '));
}
