import { TestBed } from '@angular/core/testing';
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

import { provideTestTranslations } from './src/app/core/i18n/testing/test-translations';

setupZonelessTestEnv();

// Every spec sees the app as an English browser does once its files have loaded; a spec of
// another language provides `provideTestTranslations('ar')` again in its own TestBed.
beforeEach(() => {
  TestBed.configureTestingModule({ providers: provideTestTranslations() });
});

// jsdom has no EventSource. Specs that route through the whole app get the signed-in layout, whose
// live indicator opens the stream: a silent one here (specs of the stream provide their own fake).
if (typeof globalThis.EventSource === 'undefined') {
  class SilentEventSource extends EventTarget {
    readonly readyState = 0;
    onopen: ((event: Event) => void) | null = null;
    onerror: ((event: Event) => void) | null = null;
    onmessage: ((event: MessageEvent) => void) | null = null;
    constructor(readonly url: string) {
      super();
    }
    close(): void {
      // Nothing was opened.
    }
  }
  (globalThis as unknown as { EventSource: unknown }).EventSource = SilentEventSource;
}
