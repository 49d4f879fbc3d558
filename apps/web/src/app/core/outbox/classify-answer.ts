/**
 * What an attempt's answer means for the entry:
 * - `sent`: the server has it (created, or the first answer replayed for the same id);
 * - `retry`: it may not have arrived or the server could not take it now (no connection, 408,
 *   429, 5xx): try again later, the replay rule makes a repeat harmless;
 * - `signed-out`: the session ended (401): wait, unchanged, for the same user to sign in again;
 * - `refused`: the server looked at it and said no (other 4xx): a person must act.
 */
export type AnswerClass = 'sent' | 'retry' | 'signed-out' | 'refused';

/** `status` 0 is no answer at all (offline, connection cut). */
export function classifyAnswer({ status }: { status: number }): AnswerClass {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 401) return 'signed-out';
  if (status === 408 || status === 429) return 'retry';
  if (status >= 400 && status < 500) return 'refused';
  return 'retry';
}
