import { effect, inject, Injectable } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';

import { LanguageService } from './language.service';

/**
 * Route titles are translation keys (`title: 'admin.title.users'`): the tab reads "Users · Admin ·
 * Relief Ledger" in the user's language, and changes with it.
 */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly language = inject(LanguageService);
  private lastKey: string | undefined;

  constructor() {
    super();
    effect(() => this.show(this.language.t('app.name'), this.lastKey ? this.language.t(this.lastKey) : undefined));
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.lastKey = this.buildTitle(snapshot);
    this.show(this.language.t('app.name'), this.lastKey ? this.language.t(this.lastKey) : undefined);
  }

  private show(app: string, page: string | undefined): void {
    // A title not yet made a key (a feature still being translated) is whole English: shown as it is.
    if (page && page === this.lastKey && /\s/.test(page)) this.title.setTitle(page);
    else this.title.setTitle(page ? `${page} · ${app}` : app);
  }
}
