import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { Problem } from '@relief-ledger/domain';

import { ProblemMessages } from '../../core/problems/problem-messages';
import { NotFound } from '../not-found/not-found';
import { isNotFoundProblem } from '../not-found/not-found-problem';

/**
 * How a load is going, above the content it loads: a progress bar while busy, and the problem with
 * "Try again" when it failed. Content placed inside goes at the end of the problem banner.
 */
@Component({
  selector: 'rl-load-status',
  imports: [MatButtonModule, MatProgressBarModule, NotFound, TranslocoPipe],
  template: `
    <div class="rl-progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="loadingLabel()" />
      }
    </div>

    @if (problem()) {
      @if (notFound() && backLink(); as backLink) {
        <rl-not-found [message]="message() ?? ''" [backLink]="backLink" [backLabel]="backLabel()" />
      } @else {
        <div class="rl-banner" role="alert">
          <p>{{ message() }}</p>
          @if (!notFound()) {
            <button mat-button type="button" (click)="retry.emit()">{{ 'loadStatus.tryAgain' | transloco }}</button>
          }
          <ng-content />
        </div>
      }
    }
  `,
  // No box of its own: the bar and banner lay out in the page exactly as if written there.
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadStatus {
  private readonly messages = inject(ProblemMessages);

  readonly loading = input.required<boolean>();
  /** What the progress bar is busy with, for screen readers: "Loading camps" (translated by the caller). */
  readonly loadingLabel = input.required<string>();
  readonly problem = input<Problem>();
  /**
   * Said instead of the API's words when the record is not there (404, or an address whose id is
   * no id). Trying again would not bring it back, so no "Try again" then. Without it a 404 reads
   * like any other problem.
   */
  readonly notFoundMessage = input<string>();
  /** With a not-found message: the page shows "Not found" with this way back (shared NotFound). */
  readonly backLink = input<string | readonly unknown[]>();
  readonly backLabel = input('');
  readonly retry = output();

  protected readonly notFound = computed(() => this.notFoundMessage() !== undefined && isNotFoundProblem(this.problem()));
  protected readonly message = computed(() => {
    const problem = this.problem();
    if (!problem) return '';
    return this.notFound() ? this.notFoundMessage() : this.messages.message(problem);
  });
}
