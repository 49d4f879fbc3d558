import { inject } from '@angular/core';
import { ActivatedRoute, Params, Router } from '@angular/router';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '@relief-ledger/domain';

/** A whole number above zero from the address, or undefined for anything else a hand could type there. */
export function readPositiveWhole(value: string | undefined): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

/** One of `choices` from the address, or undefined. */
export function readChoice<T extends string>(value: string | undefined, choices: readonly T[]): T | undefined {
  return (choices as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

/** The page and page size a list asks the API for, from the address: page 1 and the default size unless told. */
export function readPage({ page, pageSize }: { page?: string; pageSize?: string }): { page: number; pageSize: number } {
  return { page: readPositiveWhole(page) ?? 1, pageSize: Math.min(readPositiveWhole(pageSize) ?? PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX) };
}

/**
 * A function that changes a list's query parameters in the address, keeping the others. It
 * replaces the history entry, so Back leaves the list rather than stepping through each filter.
 * Call in an injection context.
 */
export function injectQueryUpdater(): (change: Params) => void {
  const router = inject(Router);
  const route = inject(ActivatedRoute);
  return (change) => void router.navigate([], { relativeTo: route, queryParams: change, queryParamsHandling: 'merge', replaceUrl: true });
}
