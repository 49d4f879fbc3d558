import { Directionality } from '@angular/cdk/bidi';
import { DOCUMENT } from '@angular/common';
import { ApplicationRef, effect, inject, Injectable, InjectionToken, signal, untracked } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { DigitSystem, DIGIT_SYSTEMS, isLanguage, Language, preferredLanguage, SessionResponse } from '@relief-ledger/domain';
import { firstValueFrom, forkJoin } from 'rxjs';

import { AuthApi } from '../auth/auth-api';
import { SessionStore } from '../auth/session-store';
import { firstScreenSettled } from '../first-screen/first-screen-settled';
import { ActiveLocale } from './active-locale';
import { MessageParams } from './icu-message';
import { LocalWords } from './local-words';

/** Where the browser keeps the language chosen on this device (for the sign-in page) and the digits. */
export const LANGUAGE_STORAGE_KEY = 'rl.language';
export const DIGITS_STORAGE_KEY = 'rl.digits';

/**
 * The words of every problem code the server sends (`public/i18n/problem/`): larger than the
 * rest of the common words, and needed only once something is refused, so it loads just after
 * the first screen has settled rather than with it. Until then a refusal shows the server's English.
 */
export const PROBLEM_SCOPE = 'problem';
export const PROBLEM_SCOPE_DELAY_MS = 1000;

/** The browser's preferred languages, in order (`navigator.languages`). A token, so specs can set them. */
export const BROWSER_LANGUAGES = new InjectionToken<readonly string[]>('BROWSER_LANGUAGES', {
  providedIn: 'root',
  factory: () => inject(DOCUMENT).defaultView?.navigator.languages ?? [],
});

/**
 * The interface language and digits, and where they come from:
 *
 * 1. on a first visit, the browser's preferred language among en, ar and tr;
 * 2. then the user's choice on this device (localStorage), which the sign-in page shows;
 * 3. once signed in, the choice stored in the user's profile on the server wins, so it follows
 *    them to another phone; a choice made on the sign-in page before the profile had one is stored there.
 *
 * Switching loads the new language's files (the common one and every feature scope loaded so far)
 * before anything changes on screen, then sets `<html lang dir>` and Angular Material's direction:
 * no reload, and never a screen of untranslated keys.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly locale = inject(ActiveLocale);
  private readonly session = inject(SessionStore);
  private readonly auth = inject(AuthApi);
  private readonly document = inject(DOCUMENT);
  private readonly directionality = inject(Directionality);
  private readonly browserLanguages = inject(BROWSER_LANGUAGES);
  private readonly app = inject(ApplicationRef);

  /** Feature scopes loaded so far: a switch loads them in the new language too. */
  private readonly scopes = new Set<string>();
  /** Moves on whenever translations arrive, so `t()` inside `computed()` runs again. */
  private readonly revision = signal(0);
  private switching = 0;
  /** The session whose profile was last followed: the first load and the effect must not both store a choice. */
  private followed: SessionResponse | undefined;

  readonly lang = this.locale.lang.asReadonly();
  readonly digits = this.locale.digits.asReadonly();
  readonly dir = this.locale.dir;

  constructor() {
    // Someone signed in (or the session was read): their profile's choice wins.
    effect(() => {
      const session = this.session.session();
      if (session) untracked(() => void this.followProfile(session));
    });
  }

  /**
   * Before the first screen: the language of this device or browser, then the profile's once the session is known.
   * `firstScopes` are the first screen's own words, fetched beside the common ones rather than one round trip after.
   */
  async start(firstScopes: readonly string[] = []): Promise<void> {
    for (const scope of firstScopes) this.scopes.add(scope);
    const words = this.apply(this.deviceLanguage(), this.deviceDigits()).catch(() => {
      // Files that cannot load (the connection dropped just then) must not keep the app from starting;
      // the screen's guard asks for its scope again.
      for (const scope of firstScopes) this.scopes.delete(scope);
    });
    const [session] = await Promise.all([this.session.ensureLoaded(), words]);
    if (session) await this.followProfile(session).catch(() => undefined);
    // Once the first screen has settled; asked a moment after start, when the router's first
    // navigation is under way (before it, the app would count as settled already).
    setTimeout(() => void firstScreenSettled(this.app).then(() => this.loadScope(PROBLEM_SCOPE)).catch(() => undefined), PROBLEM_SCOPE_DELAY_MS);
  }

  /** The user chose a language: on screen now, on this device, and in their profile when signed in. */
  async chooseLanguage(lang: Language): Promise<void> {
    this.remember(LANGUAGE_STORAGE_KEY, lang);
    await this.apply(lang, this.digits());
    if (this.session.signedIn()) this.saveToProfile({ language: lang });
  }

  /** The user chose Latin or Arabic-Indic digits. */
  async chooseDigits(digits: DigitSystem): Promise<void> {
    this.remember(DIGITS_STORAGE_KEY, digits);
    await this.apply(this.lang(), digits);
    if (this.session.signedIn()) this.saveToProfile({ digits });
  }

  /** Loads a feature's translations (`i18n/<scope>/<lang>.json`) before its screens show; they follow every switch. */
  async loadScope(...scopes: string[]): Promise<void> {
    const missing = scopes.filter((scope) => !this.scopes.has(scope));
    if (missing.length === 0) return;
    const lang = this.lang();
    await firstValueFrom(forkJoin(missing.map((scope) => this.transloco.load(`${scope}/${lang}`))));
    for (const scope of missing) this.scopes.add(scope);
    this.revision.update((n) => n + 1);
  }

  /**
   * A translated message for code, with its parameters: `t('shell.signOut')`,
   * `t('overview.days', { count: 3 })`. Reactive: inside `computed()` it follows a switch.
   */
  t(key: string, params?: MessageParams): string {
    this.revision();
    this.lang();
    this.digits();
    return this.transloco.translate<string>(key, params);
  }

  /** The language, digits and translations for pure functions that put words together (durations, wall-clock times). */
  words(): LocalWords {
    return { locale: this.locale.format(), t: (key, params) => this.t(key, params) };
  }

  /** Whether a key has a translation (for codes from the server, which may be newer than this app). */
  has(key: string): boolean {
    this.revision();
    const translation = this.transloco.getTranslation(this.lang());
    return typeof translation[key] === 'string';
  }

  private async followProfile(session: SessionResponse): Promise<void> {
    if (session === this.followed) return;
    this.followed = session;
    const { language, digits } = session.user;
    if (digits !== this.digits()) this.remember(DIGITS_STORAGE_KEY, digits);
    if (language) {
      this.remember(LANGUAGE_STORAGE_KEY, language);
      if (language !== this.lang() || digits !== this.digits()) await this.apply(language, digits);
      return;
    }
    if (digits !== this.digits()) await this.apply(this.lang(), digits);
    // No choice in the profile yet: one made on this device (the sign-in page) goes there.
    const chosenHere = this.recall(LANGUAGE_STORAGE_KEY);
    if (isLanguage(chosenHere)) this.saveToProfile({ language: chosenHere });
  }

  private saveToProfile(change: { language?: Language; digits?: DigitSystem }): void {
    this.auth.savePreferences(change).subscribe({
      next: (session) => this.session.startSession(session),
      // Offline: the choice holds on this device, and is offered to the profile at the next sign-in.
      error: () => undefined,
    });
  }

  private async apply(lang: Language, digits: DigitSystem): Promise<void> {
    const attempt = ++this.switching;
    const paths = [lang, ...[...this.scopes].map((scope) => `${scope}/${lang}`)];
    await firstValueFrom(forkJoin(paths.map((path) => this.transloco.load(path))));
    // A later choice made while these files loaded wins.
    if (attempt !== this.switching) return;
    this.transloco.setActiveLang(lang);
    this.locale.lang.set(lang);
    this.locale.digits.set(digits);
    const dir = this.locale.dir();
    const html = this.document.documentElement;
    html.lang = lang;
    html.dir = dir;
    if (this.directionality.value !== dir) {
      this.directionality.valueSignal.set(dir);
      this.directionality.change.emit(dir);
    }
    this.revision.update((n) => n + 1);
  }

  private deviceLanguage(): Language {
    const stored = this.recall(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : preferredLanguage(this.browserLanguages);
  }

  private deviceDigits(): DigitSystem {
    const stored = this.recall(DIGITS_STORAGE_KEY);
    return (DIGIT_SYSTEMS as readonly (string | null)[]).includes(stored) ? (stored as DigitSystem) : 'latn';
  }

  // Storage may be refused (a private window, a full disk): the choice then lasts for this visit.
  private recall(key: string): string | null {
    try {
      return this.document.defaultView?.localStorage.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  private remember(key: string, value: string): void {
    try {
      this.document.defaultView?.localStorage.setItem(key, value);
    } catch {
      // See recall().
    }
  }
}
