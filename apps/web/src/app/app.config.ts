import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, inject, isDevMode, provideAppInitializer, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter, withComponentInputBinding, withNavigationErrorHandler } from '@angular/router';
import { provideServiceWorker } from '@angular/service-worker';

import { appRoutes } from './app.routes';
import { AppUpdate } from './core/app-update/app-update';
import { FIRST_SCREEN } from './core/first-screen/first-screen';
import { isChunkLoadError } from './core/app-update/is-chunk-load-error';
import { sessionExpiredInterceptor } from './core/auth/session-expired-interceptor';
import { provideI18n } from './core/i18n/provide-i18n';
import { FieldKitStore } from './shared/field-kit/field-kit-store';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideHttpClient(withFetch(), withInterceptors([sessionExpiredInterceptor])),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      // A screen whose code did not arrive says so, with Retry, instead of the link doing nothing.
      withNavigationErrorHandler((navigationError) => {
        if (isChunkLoadError(navigationError.error)) inject(AppUpdate).screenFailed(navigationError.url);
      }),
    ),
    provideI18n(),
    // The app shell, every lazy chunk and the translations, cached after the first visit so the app opens
    // and moves between screens offline (ngsw-config.json). Registered once the first screen has settled,
    // so its downloads never compete with the first page on a slow network. API answers are not cached here.
    provideServiceWorker('ngsw-worker.js', { enabled: !isDevMode(), registrationStrategy: 'registerWhenStable:10000' }),
    // From the start, so the phone's copy of the field kit follows sign-ins and the connection coming back.
    provideAppInitializer(() => void inject(FieldKitStore)),
    // The code of the screen the app opens on sets off beside the session check (core/first-screen).
    provideAppInitializer(() => inject(FIRST_SCREEN).prefetch()),
  ],
};
