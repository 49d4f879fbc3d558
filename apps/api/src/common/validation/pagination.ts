import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, Page } from '@relief-ledger/domain';
import { QueryInt } from './decorators.js';

/** Base of every list query: `?page=1&pageSize=20`, pages counted from 1. */
export class PageQueryDto {
  @QueryInt(1, 100_000, { description: 'Page number, from 1' })
  page?: number;

  @QueryInt(1, PAGE_SIZE_MAX, { description: `Items per page, at most ${PAGE_SIZE_MAX}` })
  pageSize?: number;
}

/** Which rows of a list a page is: repositories bind `pageSize` and `skip` as LIMIT and OFFSET parameters. */
export interface PageWindow {
  page: number;
  pageSize: number;
  skip: number;
}

export function pageWindow(query: PageQueryDto): PageWindow {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? PAGE_SIZE_DEFAULT;
  return { page, pageSize, skip: (page - 1) * pageSize };
}

export function toPage<T>(items: T[], total: number, window: { page: number; pageSize: number }): Page<T> {
  return { items, total, page: window.page, pageSize: window.pageSize };
}

/** `name` searched with ILIKE: the user's `%` and `_` are text, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
