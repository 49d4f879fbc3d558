import { ChangeDetectionStrategy, Component } from '@angular/core';

import { ApiTokenList } from '../../shared/api-tokens/api-token-list/api-token-list';

/**
 * The signed-in user's own API tokens, for scripts that pull reports as them: made here (shown
 * once), listed, revoked. An administrator manages every token of the organisation on the Admin page.
 */
@Component({
  selector: 'rl-my-api-tokens-page',
  imports: [ApiTokenList],
  template: `
    <div class="rl-page">
      <header class="rl-page-header">
        <h1>My API tokens</h1>
      </header>
      <rl-api-token-list scope="own" heading="Your tokens" />
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyApiTokensPage {}
