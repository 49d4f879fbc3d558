import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

import { SessionStore } from '../../core/auth/session-store';
import { ADMIN_TABS } from '../admin-tabs';

/**
 * The admin area: one tab per section the role may use (a manager sees only the audit trail), each
 * its own address so it can be linked and reloaded.
 */
@Component({
  selector: 'rl-admin-page',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet, TranslocoPipe],
  template: `
    <div class="rl-page">
      <header class="rl-page-header">
        <h1>{{ 'admin.heading' | transloco }}</h1>
        <bdi class="organisation">{{ organisationName() }}</bdi>
      </header>
      <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="'admin.sections' | transloco" mat-stretch-tabs="false">
        @for (tab of tabs(); track tab.path) {
          <a mat-tab-link [routerLink]="tab.path" routerLinkActive #active="routerLinkActive" [active]="active.isActive">
            {{ tab.label | transloco }}
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
