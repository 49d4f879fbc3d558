import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, Injector, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatToolbarModule } from '@angular/material/toolbar';
import { IsActiveMatchOptions, NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { filter, map } from 'rxjs';

import { SessionStore } from '../auth/session-store';
import { LiveIndicator } from '../live/live-indicator';
import { LanguageService } from '../i18n/language.service';
import { LanguageSwitch } from '../i18n/language-switch';
import { Outbox } from '../outbox/outbox';
import { OutboxBadge } from '../outbox/outbox-badge';
import { ProblemMessages } from '../problems/problem-messages';
import { toProblem } from '../problems/to-problem';
import { wantsBareLayout } from './bare-layout';
import { ACCOUNT_ITEMS, NAV_ITEMS } from './nav-items';
import { NARROW_LAYOUT_QUERY } from './narrow-layout';

/**
 * The frame of every signed-in page: toolbar, navigation, live indicator. A lazy route component, so
 * its Material modules (sidenav, list, toolbar, snack bar and their overlay) are not part of the first
 * download: the sign-in page arrives without them on a field network.
 */
@Component({
  selector: 'rl-signed-in-layout',
  imports: [
    LanguageSwitch,
    LiveIndicator,
    MatButtonModule,
    MatSidenavModule,
    MatToolbarModule,
    OutboxBadge,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslocoPipe,
  ],
  templateUrl: './signed-in-layout.html',
  styleUrl: './signed-in-layout.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignedInLayout {
  private readonly store = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly language = inject(LanguageService);
  private readonly messages = inject(ProblemMessages);
  private readonly outbox = inject(Outbox);
  private readonly injector = inject(Injector);

  protected readonly session = this.store.session;
  protected readonly roleLabel = computed(() => {
    const role = this.session()?.user.role;
    return role ? this.language.t(`role.${role}`) : '';
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

  /** Moves focus (not only the scroll position) to the page, so the next Tab starts there. */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    document.getElementById('main-content')?.focus();
  }

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  protected closeMenuAfterNavigation(): void {
    if (this.narrow()) this.menuOpen.set(false);
  }

  /** With entries not yet sent, asks first: they stay on this phone for this user, and only this user sends them. */
  protected signOut(): void {
    if (this.signingOut()) return;
    const unsent = this.outbox.unsentCount();
    if (unsent === 0) {
      this.endSession();
      return;
    }
    const t = (key: string) => this.language.t(key);
    // The dialog's code (7 KB compressed) comes for this question only, not with every first screen on a field network.
    void import('../../shared/confirm-dialog/open-confirm-dialog').then(({ confirmActionIn }) =>
      confirmActionIn(this.injector, {
        title: t('outboxShared.signOutTitle'),
        message: this.language.t('outboxShared.signOutMessage', { count: unsent }),
        confirmLabel: t('outboxShared.signOutConfirm'),
        cancelLabel: t('outboxShared.signOutCancel'),
      }).subscribe(() => this.endSession()),
    );
  }

  private endSession(): void {
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
        this.snackBar.open(this.language.t('shell.notSignedOut', { problem: this.messages.message(toProblem(error)) }), this.language.t('common.ok'), {
          duration: 8000,
        });
      },
    });
  }
}
