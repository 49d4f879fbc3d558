import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

import { AppUpdateBanner } from '../app-update/app-update-banner';

/**
 * The root: only an outlet. The signed-in frame (`SignedInLayout`) is a lazy route of its own, so the
 * first page someone sees before signing in downloads no toolbar, navigation or overlay code. The bar
 * announcing a new version or a screen that did not load sits here, on every page.
 */
@Component({
  selector: 'rl-root',
  imports: [AppUpdateBanner, RouterOutlet],
  template: `<router-outlet /><rl-app-update-banner />`,
  styles: `
    :host {
      display: block;
      height: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppShell {}
