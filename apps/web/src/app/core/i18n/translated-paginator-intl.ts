import { effect, inject, Injectable } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';

import { formatNumber } from './intl-format';
import { LanguageService } from './language.service';

/** Material's paginator in the user's language: "Items per page", "1 – 20 of 135", in its digits. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly language = inject(LanguageService);

  constructor() {
    super();
    effect(() => {
      const t = (key: string) => this.language.t(key);
      this.itemsPerPageLabel = t('paginator.itemsPerPage');
      this.nextPageLabel = t('paginator.next');
      this.previousPageLabel = t('paginator.previous');
      this.firstPageLabel = t('paginator.first');
      this.lastPageLabel = t('paginator.last');
      this.changes.next();
    });
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    const locale = this.language.words().locale;
    const first = length === 0 ? 0 : page * pageSize + 1;
    const last = Math.min((page + 1) * pageSize, length);
    return this.language.t('paginator.range', {
      first: formatNumber(first, locale),
      last: formatNumber(last, locale),
      total: formatNumber(length, locale),
    });
  };
}
