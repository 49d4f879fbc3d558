import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

import { NumberPipe } from '../i18n/format-pipes';
import { Outbox } from './outbox';

/**
 * The number of entries not yet sent, on every screen, leading to the outbox: nothing is waiting out of sight.
 * Its spoken name says the number shown in every form (WCAG 2.5.3, label in name): "Outbox: 0 entries, nothing waiting".
 */
@Component({
  selector: 'rl-outbox-badge',
  imports: [NumberPipe, RouterLink, TranslocoPipe],
  template: `
    <a
      class="outbox-badge"
      routerLink="/outbox"
      [class.unsent]="count() > 0"
      [attr.aria-label]="'outboxShared.badge' | transloco: { count: count() }"
      [title]="'outboxShared.badge' | transloco: { count: count() }"
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path d="M19 3H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2zm0 12h-4a3 3 0 0 1-6 0H5V5h14z" fill="currentColor" />
      </svg>
      <span class="count" data-outbox-count>{{ count() | rlNumber }}</span>
    </a>
  `,
  styles: `
    .outbox-badge {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      min-height: 40px;
      padding-inline: 8px;
      border-radius: 20px;
      color: inherit;
      text-decoration: none;
      font: var(--mat-sys-label-large);
    }

    .outbox-badge.unsent {
      background: #ffd54f;
      color: #3e2a00;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutboxBadge {
  protected readonly count = inject(Outbox).unsentCount;
}
