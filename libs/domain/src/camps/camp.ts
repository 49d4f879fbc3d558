export const CAMP_STATUSES = ['planned', 'open', 'full', 'closed'] as const;
export type CampStatus = (typeof CAMP_STATUSES)[number];

/** Field limits shared by the API's validation and the web form, so both say the same thing. */
export const CAMP_LIMITS = {
  nameMaxLength: 200,
  /** Larger than any single site in north-west Syria (Atmeh cluster ~ 200k at its peak). */
  peopleMax: 1_000_000,
} as const;

export interface CampResponse {
  id: string;
  organisationId: string;
  organisationName: string;
  locationId: string;
  locationName: string;
  locationPcode: string;
  nameEn: string;
  nameAr: string;
  status: CampStatus;
  /** People living on site. */
  population: number;
  households: number;
  /** People the site is planned for. */
  capacity: number;
  /** Calendar date, `YYYY-MM-DD`, in the site's own zone. */
  openedOn: string | null;
  closedOn: string | null;
  /** Increases on every change; send it back (body `version` or `If-Match`) to update. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The managing organisation is the signed-in user's own. */
export interface CreateCampRequest {
  /** Made up by the device when the person pressed the button: a re-send records it once (or send an Idempotency-Key header). */
  clientId?: string;
  locationId: string;
  nameEn: string;
  nameAr: string;
  status?: Exclude<CampStatus, 'closed'>;
  population: number;
  households: number;
  capacity: number;
  openedOn?: string | null;
}

export interface UpdateCampRequest {
  /** The version last read; may instead be sent as `If-Match: "<version>"`. One of them is required. */
  version?: number;
  locationId?: string;
  nameEn?: string;
  nameAr?: string;
  status?: Exclude<CampStatus, 'closed'>;
  population?: number;
  households?: number;
  capacity?: number;
  openedOn?: string | null;
}

export interface CloseCampRequest {
  version: number;
  closedOn?: string;
}

export interface CampListQuery {
  locationId?: string;
  status?: CampStatus;
  name?: string;
  page?: number;
  pageSize?: number;
}
