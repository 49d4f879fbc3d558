import { computed, Signal } from '@angular/core';
import { Page } from '@relief-ledger/domain';
import { Observable } from 'rxjs';

import { ApiResource, apiResource } from './api-resource';

/** One page of a list the API serves a page at a time, with the items on it. */
export interface PagedResource<T> extends ApiResource<Page<T>> {
  /** The items of the last page that arrived; empty until one has. */
  readonly items: Signal<T[]>;
  /** Shows the version of an item the API sent back after a change, without loading the page again. */
  replaceItem(changed: T): void;
}

/** Loads the page `query` asks for, again whenever it changes; nothing while it is `undefined`. See `apiResource`. */
export function pagedResource<Q, T extends { readonly id: string }>(
  query: Signal<Q | undefined>,
  loadPage: (query: Q) => Observable<Page<T>>,
): PagedResource<T> {
  const resource = apiResource(query, loadPage);
  return {
    ...resource,
    items: computed(() => resource.value()?.items ?? []),
    replaceItem: (changed) =>
      resource.value.update(
        (page) => page && { ...page, items: page.items.map((item) => (item.id === changed.id ? changed : item)) },
      ),
  };
}
