import { Page } from '@relief-ledger/domain';

/** A list answer as the API sends it: one page holding `items`. */
export function aPage<T>(items: T[], overrides: Partial<Page<T>> = {}): Page<T> {
  return { items, page: 1, pageSize: 20, total: items.length, ...overrides };
}
