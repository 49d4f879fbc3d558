import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

/**
 * The root: only an outlet. The signed-in frame (`SignedInLayout`) is a lazy route of its own, so the
 * first page someone sees before signing in downloads no toolbar, navigation or overlay code.
 */
@Component({
  selector: 'rl-root',
  imports: [RouterOutlet],
  template: `<router-outlet />`,
  styles: `
    :host {
      display: block;
      height: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppShell {}
