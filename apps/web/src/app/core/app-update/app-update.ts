import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import { SwUpdate, VersionReadyEvent } from '@angular/service-worker';
import { filter } from 'rxjs';

/**
 * What the app tells the person about its own code: a new version the service worker has ready (taken
 * only when they press Reload, never by itself in the middle of an entry), and a screen whose code
 * could not be downloaded (offline before the service worker had it, or removed by a new version).
 */
@Injectable({ providedIn: 'root' })
export class AppUpdate {
  private readonly router = inject(Router);
  private readonly swUpdate = inject(SwUpdate, { optional: true });
  private readonly readyVersion = signal(false);
  private readonly failedUrl = signal<string | undefined>(undefined);

  /** A new version is downloaded and waits for the person's choice. */
  readonly ready = this.readyVersion.asReadonly();
  /** The address of the screen that could not be loaded, to try again. */
  readonly failedScreen = this.failedUrl.asReadonly();

  constructor() {
    if (!this.swUpdate?.isEnabled) return;
    const subscription = this.swUpdate.versionUpdates
      .pipe(filter((event): event is VersionReadyEvent => event.type === 'VERSION_READY'))
      .subscribe(() => this.readyVersion.set(true));
    // The cached version is broken beyond repair (files gone from the server and the cache): only a reload helps.
    const unrecoverable = this.swUpdate.unrecoverable.subscribe(() => this.readyVersion.set(true));
    inject(DestroyRef).onDestroy(() => {
      subscription.unsubscribe();
      unrecoverable.unsubscribe();
    });
  }

  /** Called by the router's navigation error handler for a screen whose code did not arrive. */
  screenFailed(url: string): void {
    this.failedUrl.set(url);
  }

  retryScreen(): void {
    const url = this.failedUrl();
    this.failedUrl.set(undefined);
    if (url !== undefined) void this.router.navigateByUrl(url);
  }

  dismissFailure(): void {
    this.failedUrl.set(undefined);
  }

  /** Takes the new version: activates it and reloads, at the person's request only. */
  async reload(): Promise<void> {
    if (this.swUpdate?.isEnabled) await this.swUpdate.activateUpdate().catch(() => false);
    document.location.reload();
  }

  laterUpdate(): void {
    this.readyVersion.set(false);
  }
}
