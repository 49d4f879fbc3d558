import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { DigitSystem, Language, LANGUAGES } from '@relief-ledger/domain';

import { LanguageService } from './language.service';

/** Each language named in itself, whatever the interface speaks: a reader finds their own. */
export const LANGUAGE_ENDONYMS: Readonly<Record<Language, string>> = { en: 'English', ar: 'العربية', tr: 'Türkçe' };

/** How each digit system writes itself, for the choice between them. */
const DIGIT_SAMPLES: Readonly<Record<DigitSystem, string>> = { latn: '123', arab: '١٢٣' };

/**
 * The language switch, on the sign-in page and in the account area: one button per language (in
 * its own language), and the digits numbers are shown in. Plain buttons rather than a menu: one
 * tap on a phone, and nothing more for the first download.
 */
@Component({
  selector: 'rl-language-switch',
  imports: [TranslocoPipe],
  template: `
    <div class="choices" role="group" [attr.aria-label]="'language.choose' | transloco">
      @for (code of languages; track code) {
        <button
          type="button"
          [attr.lang]="code"
          [attr.aria-pressed]="code === language.lang()"
          [class.chosen]="code === language.lang()"
          (click)="chooseLanguage(code)"
        >
          {{ endonyms[code] }}
        </button>
      }
    </div>
    @if (showDigits()) {
      <div class="choices" role="group" [attr.aria-label]="'language.digits.choose' | transloco">
        @for (digits of digitSystems; track digits) {
          <button
            type="button"
            [attr.aria-label]="'language.digits.' + digits | transloco"
            [attr.aria-pressed]="digits === language.digits()"
            [class.chosen]="digits === language.digits()"
            (click)="chooseDigits(digits)"
          >
            {{ digitSamples[digits] }}
          </button>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
    }

    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }

    /* Plain buttons drawn like Material's text buttons: the sign-in page shows this before any Material code is loaded. */
    button {
      min-height: 40px;
      padding-inline: 12px;
      border: none;
      border-radius: var(--mat-sys-corner-full, 20px);
      background: transparent;
      color: currentColor;
      font: var(--mat-sys-label-large);
      cursor: pointer;
    }

    button:hover,
    button:focus-visible {
      background: color-mix(in srgb, currentColor 8%, transparent);
    }

    .chosen {
      text-decoration: underline;
      text-underline-offset: 4px;
      font-weight: 700;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitch {
  protected readonly language = inject(LanguageService);

  /** Also offer Latin or Arabic-Indic digits. */
  readonly showDigits = input(false);

  protected readonly languages = LANGUAGES;
  protected readonly endonyms = LANGUAGE_ENDONYMS;
  protected readonly digitSystems: readonly DigitSystem[] = ['latn', 'arab'];
  protected readonly digitSamples = DIGIT_SAMPLES;

  protected chooseLanguage(lang: Language): void {
    void this.language.chooseLanguage(lang);
  }

  protected chooseDigits(digits: DigitSystem): void {
    void this.language.chooseDigits(digits);
  }
}
