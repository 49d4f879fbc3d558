import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { Page, PAGE_SIZE_MAX } from '@relief-ledger/domain';

import { TranslatedPaginatorIntl } from '../../core/i18n/translated-paginator-intl';
import { injectNarrowLayout } from '../../core/shell/narrow-layout';

/** The page sizes a list offers unless it says otherwise. */
export const PAGE_SIZE_OPTIONS: readonly number[] = [10, 20, 50, PAGE_SIZE_MAX];

/** The page a user asked for, 1-based as in the API. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** Material's paginator for a `Page` from the API, speaking the API's 1-based page numbers both ways. */
@Component({
  selector: 'rl-page-paginator',
  imports: [MatPaginatorModule],
  // Here rather than in the app's providers: the paginator's code stays out of the first download.
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  template: `
    <mat-paginator
      [length]="page().total"
      [pageIndex]="page().page - 1"
      [pageSize]="page().pageSize"
      [pageSizeOptions]="pageSizeOptions()"
      [hidePageSize]="pageSizeHidden()"
      (page)="changePage($event)"
      [attr.aria-label]="label()"
    />
  `,
  // No box of its own, so the paginator lays out as if placed in the list directly.
  styles: `
    :host {
      display: contents;
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

  private readonly narrow = injectNarrowLayout();
  protected readonly pageSizeHidden = computed(() => this.hidePageSize() ?? this.narrow());

  protected changePage(event: PageEvent): void {
    this.pageChange.emit({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }
}
