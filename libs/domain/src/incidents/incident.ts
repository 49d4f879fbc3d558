export const INCIDENT_KINDS = ['airstrike', 'shelling', 'armed_attack', 'blocked_road', 'detention', 'accident', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const INCIDENT_KIND_LABELS: Readonly<Record<IncidentKind, string>> = {
  airstrike: 'Airstrike',
  shelling: 'Shelling',
  armed_attack: 'Armed attack',
  blocked_road: 'Blocked road',
  detention: 'Detention',
  accident: 'Accident',
  other: 'Other',
};

export const INCIDENT_LIMITS = {
  descriptionMaxLength: 4000,
  /** More than any single incident; keeps a typo of an extra digit out. */
  casualtiesMax: 10_000,
} as const;
