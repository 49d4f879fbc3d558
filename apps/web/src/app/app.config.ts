import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, inject, provideAppInitializer, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';

import { appRoutes } from './app.routes';
import { sessionExpiredInterceptor } from './core/auth/session-expired-interceptor';
import { provideI18n } from './core/i18n/provide-i18n';
import { FieldKitStore } from './shared/field-kit/field-kit-store';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideHttpClient(withFetch(), withInterceptors([sessionExpiredInterceptor])),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideI18n(),
    // From the start, so the phone's copy of the field kit follows sign-ins and the connection coming back.
    provideAppInitializer(() => void inject(FieldKitStore)),
  ],
};
