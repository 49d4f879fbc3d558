import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { Page, PAGE_SIZE_MAX } from '@relief-ledger/domain';

import { NumberPipe } from '../../core/i18n/format-pipes';
import { formatNumber } from '../../core/i18n/intl-format';
import { LanguageService } from '../../core/i18n/language.service';
import { injectNarrowLayout } from '../../core/shell/narrow-layout';

/** The page sizes a list offers unless it says otherwise. */
export const PAGE_SIZE_OPTIONS: readonly number[] = [10, 20, 50, PAGE_SIZE_MAX];

/** The page a user asked for, 1-based as in the API. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * Previous and next, "21 – 40 of 45" and the page size for a `Page` from the API, in its 1-based page
 * numbers. Drawn here rather than with Material's paginator: that one brings Material's form field,
 * select, overlay and tooltip (about 28 KB compressed) to every list, the convoy board among them, which
 * a field worker opens cold on a 400 kbps network (bench/README.md, issue 13). Same look and words.
 */
@Component({
  selector: 'rl-page-paginator',
  imports: [NumberPipe],
  template: `
    <nav class="paginator" [attr.aria-label]="label()">
      @if (!pageSizeHidden()) {
        <label class="size">
          <span>{{ language.t('paginator.itemsPerPage') }}</span>
          <select (change)="changeSize($event)">
            @for (size of sizes(); track size) {
              <option [value]="size" [selected]="size === page().pageSize">{{ size | rlNumber }}</option>
            }
          </select>
        </label>
      }
      <span class="range">{{ range() }}</span>
      <button type="button" class="previous" [disabled]="page().page <= 1" [attr.aria-label]="language.t('paginator.previous')" [title]="language.t('paginator.previous')" (click)="go(page().page - 1)">
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path d="M15.41 7.41 14 6l-6 6 6 6 1.41-1.41L10.83 12z" fill="currentColor" /></svg>
      </button>
      <button type="button" class="next" [disabled]="page().page >= lastPage()" [attr.aria-label]="language.t('paginator.next')" [title]="language.t('paginator.next')" (click)="go(page().page + 1)">
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path d="M10 6 8.59 7.41 13.17 12l-4.58 4.59L10 18l6-6z" fill="currentColor" /></svg>
      </button>
    </nav>
  `,
  styles: `
    .paginator {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-end;
      gap: 4px 16px;
      min-height: 56px;
      padding-inline: 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }

    .size {
      display: inline-flex;
      align-items: center;
      gap: 8px;
    }

    select {
      min-height: 40px;
      padding-inline: 8px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-extra-small, 4px);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-medium);
    }

    button {
      display: inline-grid;
      place-items: center;
      width: 48px;
      height: 48px;
      padding: 0;
      border: none;
      border-radius: 50%;
      background: transparent;
      color: var(--mat-sys-on-surface-variant);
      cursor: pointer;
    }

    button:hover:not(:disabled) {
      background: color-mix(in srgb, var(--mat-sys-on-surface) 8%, transparent);
    }

    button:disabled {
      color: color-mix(in srgb, var(--mat-sys-on-surface) 38%, transparent);
      cursor: default;
    }

    // Previous points right in a right-to-left page.
    :host-context([dir='rtl']) svg {
      transform: scaleX(-1);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PagePaginator {
  readonly page = input.required<Page<unknown>>();
  readonly pageSizeOptions = input<readonly number[]>(PAGE_SIZE_OPTIONS);
  /** Left out: hidden on a phone, where the paginator has no room for it. */
  readonly hidePageSize = input<boolean>();
  /** The paginator's accessible name, translated: "Pages of camps". */
  readonly label = input.required<string>();
  readonly pageChange = output<PageRequest>();

  protected readonly language = inject(LanguageService);
  private readonly narrow = injectNarrowLayout();
  protected readonly pageSizeHidden = computed(() => this.hidePageSize() ?? this.narrow());
  /** The sizes offered, the page's own among them (a size typed into the address). */
  protected readonly sizes = computed(() => [...new Set([...this.pageSizeOptions(), this.page().pageSize])].sort((a, b) => a - b));
  protected readonly lastPage = computed(() => Math.max(1, Math.ceil(this.page().total / this.page().pageSize)));

  /** "21 – 40 of 45", in the user's digits. */
  protected readonly range = computed(() => {
    const { page, pageSize, total } = this.page();
    const locale = this.language.words().locale;
    const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
    const last = Math.min(page * pageSize, total);
    return this.language.t('paginator.range', { first: formatNumber(first, locale), last: formatNumber(last, locale), total: formatNumber(total, locale) });
  });

  protected go(page: number): void {
    this.pageChange.emit({ page, pageSize: this.page().pageSize });
  }

  /** A new size keeps the first row shown on the page shown, as Material's paginator did. */
  protected changeSize(event: Event): void {
    const pageSize = Number((event.target as HTMLSelectElement).value);
    const firstRow = (this.page().page - 1) * this.page().pageSize;
    this.pageChange.emit({ page: Math.floor(firstRow / pageSize) + 1, pageSize });
  }
}
