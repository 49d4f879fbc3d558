import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

import { AppUpdate } from './app-update';

/**
 * A bar at the bottom of every screen for a new version or a screen that did not load. Non-blocking:
 * it covers nothing the person is typing and waits for their choice. Plain elements, as it is part of
 * the first download.
 */
@Component({
  selector: 'rl-app-update-banner',
  imports: [TranslocoPipe],
  template: `
    @if (update.failedScreen() !== undefined) {
      <div class="bar" role="alert">
        <p>{{ 'appUpdate.screenFailed' | transloco }}</p>
        <button type="button" class="action" (click)="update.retryScreen()">{{ 'appUpdate.retry' | transloco }}</button>
        <button type="button" (click)="update.dismissFailure()">{{ 'appUpdate.dismiss' | transloco }}</button>
      </div>
    } @else if (update.ready()) {
      <div class="bar" role="status">
        <p>{{ 'appUpdate.ready' | transloco }}</p>
        <button type="button" class="action" (click)="reload()">{{ 'appUpdate.reload' | transloco }}</button>
        <button type="button" (click)="update.laterUpdate()">{{ 'appUpdate.dismiss' | transloco }}</button>
      </div>
    }
  `,
  styles: `
    :host {
      position: fixed;
      inset-inline: 8px;
      inset-block-end: 8px;
      z-index: 1000;
      display: flex;
      justify-content: center;
      pointer-events: none;
    }

    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      max-width: 560px;
      padding-block: 8px;
      padding-inline: 16px 8px;
      border-radius: 4px;
      background: var(--mat-sys-inverse-surface, #303030);
      color: var(--mat-sys-inverse-on-surface, #fff);
      box-shadow: 0 3px 5px rgb(0 0 0 / 0.3);
      pointer-events: auto;
    }

    p {
      flex: 1 1 200px;
      margin: 0;
      font: var(--mat-sys-body-medium);
    }

    button {
      min-height: 40px;
      padding-inline: 12px;
      border: none;
      border-radius: 20px;
      background: transparent;
      color: inherit;
      font: var(--mat-sys-label-large);
      cursor: pointer;
    }

    .action {
      color: var(--mat-sys-inverse-primary, #a8c8ff);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppUpdateBanner {
  protected readonly update = inject(AppUpdate);

  protected reload(): void {
    void this.update.reload();
  }
}
