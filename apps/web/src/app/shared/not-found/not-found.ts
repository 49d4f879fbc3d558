import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * "Not found", in words, with a way back: what a detail page shows instead of its record when
 * the address names nothing (an unknown id, or no id at all), never the API's "id: must be a UUID".
 */
@Component({
  selector: 'rl-not-found',
  imports: [MatButtonModule, RouterLink, TranslocoPipe],
  template: `
    <section class="rl-not-found" role="alert" aria-labelledby="rl-not-found-heading">
      <h1 id="rl-not-found-heading">{{ 'notFound.heading' | transloco }}</h1>
      <p>{{ message() }}</p>
      <a mat-flat-button [routerLink]="backLink()">{{ backLabel() }}</a>
    </section>
  `,
  styles: `
    .rl-not-found {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.75rem;
      padding-block: 1.5rem;
    }
    h1 {
      margin: 0;
    }
    p {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFound {
  /** What is not there: "This camp does not exist, or the address is wrong." (translated by the caller). */
  readonly message = input.required<string>();
  readonly backLink = input.required<string | readonly unknown[]>();
  /** Where the link goes, in words: "All camps". */
  readonly backLabel = input.required<string>();
}
