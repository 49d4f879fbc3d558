/**
 * When a throttled request may be tried again, from a `Retry-After` header: either a number of
 * seconds or an HTTP date (RFC 9110 §10.2.3). Undefined when the header is absent or unreadable.
 */
export function readRetryAfter({ header, now }: { header: string | null; now: Date }): Date | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return new Date(now.getTime() + Number(text) * 1000);
  // Only the date format HTTP sends (IMF-fixdate): Date.parse alone takes "-5" for a year.
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : new Date(date);
}
