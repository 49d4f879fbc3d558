/**
 * The `returnUrl` of the sign-in page, if it is a path of this app; undefined otherwise. Anything
 * else could send someone who just signed in to another site that looks like this one:
 * `//evil.example` and `/\evil.example` are addresses of another host to a browser.
 */
export function safeReturnUrl(value: string | null | undefined): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  // Control characters and spaces are stripped or refused by browsers in ways that differ; refuse them here.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(value)) return undefined;
  const base = 'https://relief-ledger.invalid';
  if (new URL(value, base).origin !== base) return undefined;
  // Back to the sign-in page would be a loop.
  if (value === '/sign-in' || value.startsWith('/sign-in?') || value.startsWith('/sign-in/')) return undefined;
  return value;
}
