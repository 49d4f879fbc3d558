import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { PAGE_SIZE_MAX, type Page } from '@relief-ledger/domain';

const PAGES = new Map<Type<unknown>, Type<Page<unknown>>>();

/**
 * The schema of `Page<T>` (libs/domain) for one item class: `CampPage` for `CampResponseDto`,
 * a named schema of its own, which client generators turn into a plain type more reliably than
 * an `allOf` over a generic page. One class per item class, however often it is asked for.
 */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  const known = PAGES.get(item);
  if (known) return known as Type<Page<T>>;

  class ItemPage implements Page<T> {
    @ApiProperty({ type: item, isArray: true, description: 'This page, in the order the operation says' })
    items: T[];

    @ApiProperty({ type: 'integer', minimum: 1, description: 'The page number, from 1' })
    page: number;

    @ApiProperty({ type: 'integer', minimum: 1, maximum: PAGE_SIZE_MAX, description: 'Items per page asked for' })
    pageSize: number;

    @ApiProperty({ type: 'integer', minimum: 0, description: 'Items on all pages together' })
    total: number;
  }
  Object.defineProperty(ItemPage, 'name', { value: `${item.name.replace(/(ResponseDto|Dto)$/, '')}Page` });
  PAGES.set(item, ItemPage);
  return ItemPage;
}
