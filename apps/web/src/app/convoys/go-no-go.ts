import { GoNoGoReason, GoNoGoReasonCode } from '@relief-ledger/domain';

import { INTL_LOCALES, intlLocale } from '../core/i18n/intl-format';
import { LocalWords } from '../core/i18n/local-words';
import { describeWallClockShort } from '../shared/time/zoned-time';

/** The translation of each reason of the go/no-go checklist, by its code. */
const REASON_KEYS: Readonly<Record<GoNoGoReasonCode, string>> = {
  no_window: 'convoys.goNoGo.noWindow',
  window_ends_before_arrival: 'convoys.goNoGo.windowEndsBeforeArrival',
  window_violated: 'convoys.goNoGo.windowViolated',
  recent_incident: 'convoys.goNoGo.recentIncident',
  overdue_convoys: 'convoys.goNoGo.overdueConvoys',
};

/**
 * A reason of the go/no-go checklist in the user's language, from its code and parameters: the
 * instants on the wall clock of the route's zone ("16:00 Damascus"), the incident kinds by name.
 * The server's English for a code this app does not know, or one that came without its parameters.
 */
export function describeGoNoGoReason(reason: GoNoGoReason, zone: string, words: LocalWords): string {
  const key = REASON_KEYS[reason.code];
  if (!key) return reason.message;
  const params = reason.params ?? {};
  const onRouteClock = (instant: string | number | undefined) =>
    typeof instant === 'string' && !Number.isNaN(Date.parse(instant)) ? describeWallClockShort({ instant, zone }, words) : instant;
  const text = words.t(key, {
    ...params,
    ...('from' in params ? { from: onRouteClock(params['from']) } : {}),
    ...('at' in params ? { at: onRouteClock(params['at']) } : {}),
    ...('kinds' in params ? { kinds: incidentKinds(String(params['kinds']), words) } : {}),
  });
  return /\{\w+\}/.test(text) ? reason.message : text;
}

/** "airstrike and shelling" for `airstrike,shelling`: the kinds as a sentence lists them. */
function incidentKinds(codes: string, words: LocalWords): string {
  const names = codes
    .split(',')
    .filter((code) => code !== '')
    .map((code) => {
      const key = `incidentKind.${code}`;
      const name = words.t(key);
      return (name === key ? code.replace(/_/g, ' ') : name).toLocaleLowerCase(INTL_LOCALES[words.locale.lang]);
    });
  return new Intl.ListFormat(intlLocale(words.locale), { type: 'conjunction' }).format(names);
}
