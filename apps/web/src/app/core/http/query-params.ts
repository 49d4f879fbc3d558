import { HttpParams } from '@angular/common/http';
import { PAGE_SIZE_MAX } from '@relief-ledger/domain';

/** Query parameters without the empty ones, so `?name=&status=` never reaches the API. */
export function toParams(query: Record<string, string | number | undefined>): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const text = String(value).trim();
    if (text !== '') params = params.set(key, text);
  }
  return params;
}

/** A page size the API serves (1 to `PAGE_SIZE_MAX`), so a hand-edited address cannot earn a 400. */
export function clampPageSize(pageSize: number | undefined): number | undefined {
  return pageSize === undefined ? undefined : Math.min(Math.max(1, Math.trunc(pageSize)), PAGE_SIZE_MAX);
}

/** The page of a list that takes no other filter. */
export interface PageQuery {
  page?: number;
  pageSize?: number;
}
