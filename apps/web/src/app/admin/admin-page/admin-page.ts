import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import { SessionStore } from '../../core/auth/session-store';
import { ADMIN_TABS } from '../admin-tabs';

/**
 * The admin area: one tab per section the role may use (a manager sees only the audit trail), each
 * its own address so it can be linked and reloaded.
 */
@Component({
  selector: 'rl-admin-page',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet],
  template: `
    <div class="rl-page">
      <header class="rl-page-header">
        <h1>Admin</h1>
        <span class="organisation">{{ organisationName() }}</span>
      </header>
      <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Admin sections" mat-stretch-tabs="false">
        @for (tab of tabs(); track tab.path) {
          <a mat-tab-link [routerLink]="tab.path" routerLinkActive #active="routerLinkActive" [active]="active.isActive">
            {{ tab.label }}
          </a>
        }
      </nav>
      <mat-tab-nav-panel #panel class="panel">
        <router-outlet />
      </mat-tab-nav-panel>
    </div>
  `,
  styles: `
    .organisation {
      color: var(--mat-sys-on-surface-variant);
    }

    .panel {
      display: block;
      padding-top: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminPage {
  private readonly store = inject(SessionStore);

  protected readonly tabs = computed(() => ADMIN_TABS.filter((tab) => this.store.can(tab.permission)));
  protected readonly organisationName = computed(() => this.store.session()?.organisation.name ?? '');
}
