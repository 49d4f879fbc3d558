import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

import { ApiTokenList } from '../../shared/api-tokens/api-token-list/api-token-list';

/**
 * The signed-in user's own API tokens, for scripts that pull reports as them: made here (shown
 * once), listed, revoked. An administrator manages every token of the organisation on the Admin page.
 */
@Component({
  selector: 'rl-my-api-tokens-page',
  imports: [ApiTokenList, TranslocoPipe],
  template: `
    <div class="rl-page">
      <header class="rl-page-header">
        <h1>{{ 'account.apiTokens.heading' | transloco }}</h1>
      </header>
      <rl-api-token-list scope="own" [heading]="'account.apiTokens.yours' | transloco" />
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyApiTokensPage {}
