import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatToolbarModule } from '@angular/material/toolbar';
import { IsActiveMatchOptions, NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ROLE_LABELS } from '@relief-ledger/domain';
import { filter, map } from 'rxjs';

import { SessionStore } from '../auth/session-store';
import { LiveIndicator } from '../live/live-indicator';
import { problemMessage, toProblem } from '../problems/to-problem';
import { wantsBareLayout } from './bare-layout';
import { ACCOUNT_ITEMS, NAV_ITEMS } from './nav-items';
import { NARROW_LAYOUT_QUERY } from './narrow-layout';

@Component({
  selector: 'rl-root',
  imports: [LiveIndicator, MatButtonModule, MatListModule, MatSidenavModule, MatToolbarModule, RouterLink, RouterLinkActive, RouterOutlet],
  templateUrl: './app-shell.html',
  styleUrl: './app-shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppShell {
  private readonly store = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly session = this.store.session;
  protected readonly roleLabel = computed(() => {
    const role = this.session()?.user.role;
    return role ? ROLE_LABELS[role] : '';
  });
  /** Only the screens the role may open; the API refuses the others anyway. */
  protected readonly navItems = computed(() => NAV_ITEMS.filter((item) => this.store.canAny(item.permissions)));
  /** The user's own pages, beside Sign out: the password, and personal API tokens for those who keep them here. */
  protected readonly accountItems = computed(() =>
    ACCOUNT_ITEMS.filter((item) => this.store.canAny(item.permissions) && !item.unless?.some((permission) => this.store.can(permission))),
  );
  /** A page such as a print view, shown without the toolbar and the navigation. */
  protected readonly bare = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => wantsBareLayout(this.router.routerState.snapshot.root)),
    ),
    { initialValue: false },
  );
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_LAYOUT_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly exactPath: IsActiveMatchOptions = { paths: 'exact', queryParams: 'ignored', fragment: 'ignored', matrixParams: 'ignored' };
  protected readonly belowPath: IsActiveMatchOptions = { paths: 'subset', queryParams: 'ignored', fragment: 'ignored', matrixParams: 'ignored' };
  protected readonly menuOpen = signal(false);
  protected readonly signingOut = signal(false);

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  protected closeMenuAfterNavigation(): void {
    if (this.narrow()) this.menuOpen.set(false);
  }

  protected signOut(): void {
    if (this.signingOut()) return;
    this.signingOut.set(true);
    this.store.signOut().subscribe({
      next: () => {
        this.signingOut.set(false);
        this.menuOpen.set(false);
        void this.router.navigateByUrl('/sign-in');
      },
      error: (error: unknown) => {
        this.signingOut.set(false);
        // Still signed in on the server: say so, rather than pretend on a shared phone.
        this.snackBar.open(`Not signed out: ${problemMessage(toProblem(error))}`, 'OK', { duration: 8000 });
      },
    });
  }
}
