/**
 * The limits the API enforces and the web app's forms check before sending: one copy, so the
 * two cannot disagree about what a person may type.
 */
export const STOCK_LIMITS = {
  /** More than any stock point holds (a warehouse of 20,000 parcels); keeps arithmetic exact. */
  quantityMax: 1_000_000_000,
  /** People or households reached by one distribution. */
  peopleMax: 1_000_000,
  notesMaxLength: 2000,
  referenceMaxLength: 200,
  reasonMaxLength: 500,
  stockPointNameMaxLength: 200,
} as const;

/** The columns of a distribution CSV import, in the order of the template; `notes` may be left out. */
export const DISTRIBUTION_IMPORT_COLUMNS = ['client_id', 'camp_id', 'item_code', 'stock_point_id', 'quantity', 'households', 'people', 'distributed_at', 'notes'] as const;
export type DistributionImportColumn = (typeof DISTRIBUTION_IMPORT_COLUMNS)[number];

/** A 20,000-row day is about 3 MB. */
export const DISTRIBUTION_IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/** Distributions summed by camp and item: `GET /api/v1/distributions/totals`. */
export interface DistributionTotal {
  campId: string | null;
  campName: string | null;
  itemId: string;
  itemCode: string;
  quantity: number;
  households: number;
  people: number;
  distributions: number;
}
