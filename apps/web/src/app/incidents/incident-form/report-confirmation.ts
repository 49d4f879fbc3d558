import { IncidentResponse } from '@relief-ledger/domain';

import { INTL_LOCALES } from '../../core/i18n/intl-format';
import { LocalWords } from '../../core/i18n/local-words';

/**
 * What the form says once an incident is recorded, in the user's language: "Reported: shelling,
 * shared with every organisation. 1 pause window marked violated.", and that a re-send was
 * recorded once when the server had it already.
 */
export function reportConfirmation(
  { incident, replayed }: { incident: Pick<IncidentResponse, 'kind' | 'violatedWindowIds'>; replayed: boolean },
  words: LocalWords,
): string {
  // The kind inside a sentence, as a common noun: "shelling" (Arabic has no capitals).
  const kind = words.t(`incidentKind.${incident.kind}`).toLocaleLowerCase(INTL_LOCALES[words.locale.lang]);
  const broken = incident.violatedWindowIds.length;
  const said = [words.t('incidents.form.reported', { kind }), ...(broken > 0 ? [words.t('incidents.form.windowsViolated', { count: broken })] : [])].join(' ');
  return replayed ? words.t('incidents.form.replayed', { said }) : said;
}
