/** A phone's clock may run a little ahead; more than this is a mistake. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** When something reported from the field happened: `at` as sent, or now; never in the future. */
export function reportedAt(at: string | undefined, now: Date, inTheFuture: () => Error): Date {
  const when = at ? new Date(at) : now;
  if (when.getTime() > now.getTime() + CLOCK_SKEW_MS) throw inTheFuture();
  return when;
}
