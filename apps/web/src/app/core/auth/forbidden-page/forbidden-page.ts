import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

import { SessionStore } from '../session-store';

/** Shown at the address asked for when the signed-in role may not open that page. */
@Component({
  selector: 'rl-forbidden-page',
  imports: [MatButtonModule, RouterLink, TranslocoPipe],
  template: `
    <div class="rl-page">
      <h1>{{ 'forbidden.heading' | transloco }}</h1>
      <p>{{ 'forbidden.explanation' | transloco: { role: role() ?? 'none' } }}</p>
      <a mat-stroked-button routerLink="/camps">{{ 'forbidden.goToCamps' | transloco }}</a>
    </div>
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForbiddenPage {
  private readonly store = inject(SessionStore);
  protected readonly role = computed(() => this.store.session()?.user.role);
}
