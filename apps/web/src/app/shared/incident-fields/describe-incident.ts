import { IncidentResponse } from '@relief-ledger/domain';

import { LocalWords } from '../../core/i18n/local-words';

/** The places a report names, as one line: "Ariha · M5 north". Names are data, shown as entered. */
export function describeWhere(incident: Pick<IncidentResponse, 'locationName' | 'routeName' | 'place' | 'campName'>): string {
  return [incident.locationName, incident.campName, incident.routeName, incident.place].filter((part): part is string => !!part).join(' · ');
}

/** "4 injured", "2 killed, 5 injured", "None reported", in the user's language. */
export function describeCasualties({ killed, injured }: Pick<IncidentResponse, 'killed' | 'injured'>, words: LocalWords): string {
  if (killed === 0 && injured === 0) return words.t('incident.casualties.none');
  if (injured === 0) return words.t('incident.casualties.killed', { killed });
  if (killed === 0) return words.t('incident.casualties.injured', { injured });
  return words.t('incident.casualties.both', { killed, injured });
}
