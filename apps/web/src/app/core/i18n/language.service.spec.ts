import { Directionality } from '@angular/cdk/bidi';
import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTransloco, provideTranslocoTranspiler } from '@jsverse/transloco';
import { Language, SessionResponse } from '@relief-ledger/domain';

import { aSession } from '../auth/testing/session-fixtures';
import { IcuTranspiler } from './icu-transpiler';
import { BROWSER_LANGUAGES, DIGITS_STORAGE_KEY, LANGUAGE_STORAGE_KEY, LanguageService } from './language.service';
import { readTranslationFile } from './testing/test-translations';
import { TranslationLoader } from './translation-loader';

describe('LanguageService', () => {
  let http: HttpTestingController;

  function setUp(browserLanguages: readonly string[] = ['en-GB']): LanguageService {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        // The app's own Transloco, loading over (fake) HTTP, in place of the specs' preloaded one.
        provideTransloco({ config: { availableLangs: ['en', 'ar', 'tr'], defaultLang: 'en', scopes: { keepCasing: true } }, loader: TranslationLoader }),
        provideTranslocoTranspiler(IcuTranspiler),
        { provide: BROWSER_LANGUAGES, useValue: browserLanguages },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    return TestBed.inject(LanguageService);
  }

  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = 'en';
    document.documentElement.dir = 'ltr';
  });

  afterEach(() => http.verify());

  /** Answers the session check and the translation files asked for so far, as the server would. */
  async function answer({ session = null, lang }: { session?: SessionResponse | null; lang: Language }): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    for (const request of http.match('/api/v1/auth/session')) request.flush(session ?? { code: 'auth.required' }, session ? {} : { status: 401, statusText: 'Unauthorized' });
    await serveFiles(lang);
  }

  /** Serves every translation file asked for (`i18n/<scope>/<lang>.json`), a few rounds over. */
  async function serveFiles(_lang?: Language): Promise<void> {
    for (let round = 0; round < 3; round += 1) {
      await new Promise((resolve) => setTimeout(resolve));
      for (const request of http.match((r) => r.url.startsWith('i18n/'))) {
        const [, scope, file] = request.request.url.split('/');
        request.flush(readTranslationFile(scope, file.replace('.json', '') as Language));
      }
    }
  }

  it('speaks the first of the browser languages it knows on a first visit', async () => {
    const sut = setUp(['ar-SY', 'en-GB']);

    const started = sut.start();
    await answer({ lang: 'ar' });
    await started;

    expect(sut.lang()).toBe('ar');
    expect(sut.t('shell.signOut')).toBe('تسجيل الخروج');
  });

  it('loads the files of the chosen language only', async () => {
    const sut = setUp(['tr-TR']);

    const started = sut.start();
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/v1/auth/session').flush({ code: 'auth.required' }, { status: 401, statusText: 'Unauthorized' });
    http.expectOne('i18n/common/tr.json').flush(readTranslationFile('common', 'tr'));
    await started;

    expect(sut.lang()).toBe('tr');
  });

  it("fetches the first screen's words beside the common ones, before the session is known, and not again in its guard", async () => {
    const sut = setUp(['tr-TR']);

    const started = sut.start(['sign-in']);
    await new Promise((resolve) => setTimeout(resolve));
    // Both files are on their way while the session check is still out.
    http.expectOne('i18n/common/tr.json').flush(readTranslationFile('common', 'tr'));
    http.expectOne('i18n/sign-in/tr.json').flush(readTranslationFile('sign-in', 'tr'));
    http.expectOne('/api/v1/auth/session').flush({ code: 'auth.required' }, { status: 401, statusText: 'Unauthorized' });
    await started;

    await sut.loadScope('sign-in');
    http.expectNone((request) => request.url.startsWith('i18n/sign-in/'));
    expect(sut.has('sign-in.title')).toBe(true);
  });

  it('keeps the choice made on this device over the browser', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'tr');
    const sut = setUp(['ar-SY']);

    const started = sut.start();
    await answer({ lang: 'tr' });
    await started;

    expect(sut.lang()).toBe('tr');
  });

  it("lets the profile's choice win once signed in, and remembers it on this device", async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const sut = setUp(['en-GB']);

    const started = sut.start();
    await answer({ session: aSession('field', { language: 'ar', digits: 'arab' }), lang: 'en' });
    await serveFiles('ar');
    await started;

    expect(sut.lang()).toBe('ar');
    expect(sut.digits()).toBe('arab');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ar');
    expect(localStorage.getItem(DIGITS_STORAGE_KEY)).toBe('arab');
  });

  it('stores a choice made on the sign-in page in a profile that has none', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'tr');
    const sut = setUp();

    const started = sut.start();
    await answer({ session: aSession('field', { language: null }), lang: 'tr' });
    await started;

    const saved = http.expectOne({ method: 'PUT', url: '/api/v1/auth/preferences' });
    expect(saved.request.body).toEqual({ language: 'tr' });
    saved.flush(aSession('field', { language: 'tr' }));
    expect(sut.lang()).toBe('tr');
  });

  it('switches at once: right to left for Arabic on <html> and for Material, and back', async () => {
    const sut = setUp();
    const started = sut.start();
    await answer({ lang: 'en' });
    await started;
    const directionality = TestBed.inject(Directionality);
    const changes: string[] = [];
    directionality.change.subscribe((dir) => changes.push(dir));

    const switched = sut.chooseLanguage('ar');
    await serveFiles('ar');
    await switched;

    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(directionality.value).toBe('rtl');
    expect(sut.t('shell.signOut')).toBe('تسجيل الخروج');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ar');

    const back = sut.chooseLanguage('tr');
    await serveFiles('tr');
    await back;

    expect(document.documentElement.dir).toBe('ltr');
    expect(directionality.value).toBe('ltr');
    expect(changes).toEqual(['rtl', 'ltr']);
  });

  it('stores a choice in the profile of someone signed in', async () => {
    const sut = setUp();
    const started = sut.start();
    await answer({ session: aSession('field', { language: 'en' }), lang: 'en' });
    await started;

    const switched = sut.chooseLanguage('tr');
    await serveFiles('tr');
    await switched;

    const saved = http.expectOne({ method: 'PUT', url: '/api/v1/auth/preferences' });
    expect(saved.request.body).toEqual({ language: 'tr' });
    saved.flush(aSession('field', { language: 'tr' }));
  });

  it('loads a feature scope in the language in use, and again in the next one', async () => {
    const sut = setUp();
    const started = sut.start();
    await answer({ lang: 'en' });
    await started;

    const loaded = sut.loadScope('admin');
    http.expectOne('i18n/admin/en.json').flush(readTranslationFile('admin', 'en'));
    await loaded;
    expect(sut.t('admin.users.add')).toBe('Add user');

    const switched = sut.chooseLanguage('tr');
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('i18n/common/tr.json').flush(readTranslationFile('common', 'tr'));
    http.expectOne('i18n/admin/tr.json').flush(readTranslationFile('admin', 'tr'));
    await switched;
    expect(sut.t('admin.users.add')).toBe('Kullanıcı ekle');
  });
});
