import { TestBed } from '@angular/core/testing';
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

import { provideTestTranslations } from './src/app/core/i18n/testing/test-translations';

setupZonelessTestEnv();

// Every spec sees the app as an English browser does once its files have loaded; a spec of
// another language provides `provideTestTranslations('ar')` again in its own TestBed.
beforeEach(() => {
  TestBed.configureTestingModule({ providers: provideTestTranslations() });
});
