import { assertInInjectionContext, Signal, signal, WritableSignal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Problem } from '@relief-ledger/domain';
import { catchError, combineLatest, filter, map, Observable, of, startWith, Subject, switchMap, tap } from 'rxjs';

import { toProblem } from '../../core/problems/to-problem';

/** Something a screen loads from the API, as signals its template can read. */
export interface ApiResource<T> {
  /**
   * The last value that arrived. It stays while the next one loads, or after that load fails, so the
   * screen does not flash; set it to show the newer version the API sent back after a change.
   */
  readonly value: WritableSignal<T | undefined>;
  readonly loading: Signal<boolean>;
  /** Why the last load failed; cleared as the next one starts. */
  readonly problem: Signal<Problem | undefined>;
  /** Loads the same request again: after "Try again", or when the data changed on the server. */
  reload(): void;
}

export interface ApiResourceOptions<T> {
  /** Called with each value as it arrives, after `value` is set. */
  onLoaded?: (value: T) => void;
}

type LoadResult<T> = { value: T } | { problem: Problem };

/**
 * Calls `load(request)` now and whenever `request` changes or `reload()` is called; nothing while
 * `request` is `undefined`. An answer to a request that a newer one replaced is dropped. Call it in
 * an injection context, such as a component's field initialiser: loading stops when the component goes.
 *
 * Not Angular's `rxResource`: that one is still experimental and its `value()` throws after a
 * failure, where these screens keep the last value on show under the problem banner.
 */
export function apiResource<R, T>(
  request: Signal<R | undefined>,
  load: (request: R) => Observable<T>,
  options: ApiResourceOptions<T> = {},
): ApiResource<T> {
  assertInInjectionContext(apiResource);
  const value = signal<T | undefined>(undefined);
  const loading = signal(false);
  const problem = signal<Problem | undefined>(undefined);
  const reloads = new Subject<void>();

  combineLatest([toObservable(request), reloads.pipe(startWith(undefined))])
    .pipe(
      map(([current]) => current),
      filter((current): current is R => current !== undefined),
      tap(() => {
        loading.set(true);
        problem.set(undefined);
      }),
      switchMap((current) =>
        load(current).pipe(
          map((loaded): LoadResult<T> => ({ value: loaded })),
          catchError((error: unknown) => of<LoadResult<T>>({ problem: toProblem(error) })),
        ),
      ),
      takeUntilDestroyed(),
    )
    .subscribe((result) => {
      loading.set(false);
      if ('value' in result) {
        value.set(result.value);
        options.onLoaded?.(result.value);
      } else {
        problem.set(result.problem);
      }
    });

  return {
    value,
    loading: loading.asReadonly(),
    problem: problem.asReadonly(),
    reload: () => reloads.next(),
  };
}
