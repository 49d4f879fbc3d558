import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { ROLE_LABELS } from '@relief-ledger/domain';

import { SessionStore } from '../session-store';

/** Shown at the address asked for when the signed-in role may not open that page. */
@Component({
  selector: 'rl-forbidden-page',
  imports: [MatButtonModule, RouterLink],
  template: `
    <div class="rl-page">
      <h1>No access to this page</h1>
      <p>
        Your role{{ roleLabel() ? ' (' + roleLabel() + ')' : '' }} does not allow this page. If you need it, ask an
        administrator of your organisation.
      </p>
      <a mat-stroked-button routerLink="/camps">Go to camps</a>
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
  protected readonly roleLabel = computed(() => {
    const role = this.store.session()?.user.role;
    return role ? ROLE_LABELS[role] : undefined;
  });
}
