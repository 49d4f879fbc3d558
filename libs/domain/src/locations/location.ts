/** OCHA administrative levels, top down. P-codes get longer one level at a time. */
export const LOCATION_LEVELS = ['governorate', 'district', 'sub_district', 'community'] as const;
export type LocationLevel = (typeof LOCATION_LEVELS)[number];

/** Every site has a zone; north-west Syria is the design case. */
export const DEFAULT_TIME_ZONE = 'Asia/Damascus';

export interface LocationResponse {
  id: string;
  pcode: string;
  level: LocationLevel;
  parentId: string | null;
  nameEn: string;
  nameAr: string;
  latitude: number | null;
  longitude: number | null;
  timeZone: string;
}

export interface LocationListQuery {
  level?: LocationLevel;
  parentId?: string;
  name?: string;
  page?: number;
  pageSize?: number;
}
