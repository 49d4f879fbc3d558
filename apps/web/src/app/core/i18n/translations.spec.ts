import { LANGUAGES, PROBLEM_CODES } from '@relief-ledger/domain';
import { readdirSync } from 'node:fs';

import { formatMessage } from './icu-message';
import { I18N_PENDING_FEATURES } from './testing/i18n-pending-features';
import { APP_DIR, appSources, codeKeys, forbiddenHabits, templateKeys, templatesOf, untranslatedText } from './testing/i18n-source-checks';
import { allTranslations, flattenTranslation, readTranslationFile, translationScopes } from './testing/test-translations';
import { COMMON_SCOPE } from './translation-loader';

/**
 * The translation checks of `npm test` (issue 11). Each says precisely which file and line, or
 * which file and key, is wrong. Feature folders still being translated are listed in
 * `I18N_PENDING_FEATURES` and skipped; the list must end empty. One feature alone:
 * `npx jest -c apps/web/jest.config.js translations -t admin`.
 */

/** Keys made at run time from a code (`'status.convoy.' + status`): used when their prefix is. Keep short. */
const I18N_DYNAMIC_PREFIXES: readonly string[] = [
  'problem.',
  'status.',
  'role.',
  'incidentKind.',
  'itemKind.',
  'stockPointKind.',
  'movementKind.',
  'lossCause.',
  'locationLevel.',
  'convoyPurpose.',
  'zone.',
  'live.label.',
  'live.title.',
  'language.digits.',
  'admin.audit.phrase.',
  'admin.audit.actionName.',
  'admin.audit.kind.',
];

/** Folders of `src/app` whose words are in the common file: the shell and what several features share. */
const COMMON_FOLDERS = ['core', 'shared'];

const FEATURES = readdirSync(APP_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !COMMON_FOLDERS.includes(entry.name))
  .map((entry) => entry.name)
  .sort();
const TRANSLATED_FOLDERS = [...COMMON_FOLDERS, ...FEATURES.filter((feature) => !I18N_PENDING_FEATURES.includes(feature))];

describe('translation files', () => {
  it.each(translationScopes())('%s has the same keys in en, ar and tr', (scope) => {
    const keys = Object.fromEntries(LANGUAGES.map((lang) => [lang, Object.keys(flattenTranslation(readTranslationFile(scope, lang)))]));
    const problems: string[] = [];
    for (const lang of LANGUAGES) {
      for (const other of LANGUAGES) {
        for (const key of keys[other]) if (!keys[lang].includes(key)) problems.push(`i18n/${scope}/${lang}.json lacks "${key}" (in ${other})`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it.each(translationScopes())('%s has only messages that read, with no empty one, and no parameter English lacks', (scope) => {
    const problems: string[] = [];
    const english = flattenTranslation(readTranslationFile(scope, 'en'));
    for (const lang of LANGUAGES) {
      for (const [key, message] of Object.entries(flattenTranslation(readTranslationFile(scope, lang)))) {
        const where = `i18n/${scope}/${lang}.json "${key}"`;
        if (message.trim() === '') problems.push(`${where} is empty`);
        try {
          formatMessage(message, {}, { lang, digits: 'latn' });
        } catch (error) {
          problems.push(`${where}: ${(error as Error).message}`);
        }
        const names = (text: string) => new Set([...text.matchAll(/\{(\w+)[,}]/g)].map((match) => match[1]));
        const known = names(english[key] ?? '');
        for (const name of names(message)) if (!known.has(name)) problems.push(`${where} uses {${name}}, which the English does not`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(LANGUAGES)('translate every problem code the API sends into %s', (lang) => {
    const translations = allTranslations(lang);
    expect(PROBLEM_CODES.filter((code) => !(`problem.${code}` in translations)).map((code) => `i18n/problem/${lang}.json lacks "${code}"`)).toEqual([]);
  });

  it('has a folder of files for every feature, pending ones included', () => {
    expect(FEATURES.filter((feature) => !translationScopes().includes(feature)).map((feature) => `public/i18n/${feature}/ is missing`)).toEqual([]);
  });
});

describe.each(TRANSLATED_FOLDERS)('the %s folder', (folder) => {
  const files = appSources(folder);
  const templates = templatesOf(files);
  const english = allTranslations('en');

  it('has no words in its templates that bypass the translation layer', () => {
    expect(templates.flatMap(untranslatedText)).toEqual([]);
  });

  it('uses only keys that exist', () => {
    const used = [
      ...templates.flatMap((template) => templateKeys(template).map((key) => ({ key, where: template.path }))),
      ...files.flatMap((file) => codeKeys(file).map((key) => ({ key, where: file.path }))),
    ];
    expect(used.filter(({ key }) => !(key in english)).map(({ key, where }) => `${where} uses "${key}", which en.json lacks`)).toEqual([]);
  });

  it('keeps none of the English-only habits', () => {
    expect(files.flatMap(forbiddenHabits)).toEqual([]);
  });
});

describe('every translation key', () => {
  it.each(translationScopes().filter((scope) => !I18N_PENDING_FEATURES.includes(scope)))('of %s is used somewhere in the app', (scope) => {
    const sources = appSources()
      .map((file) => file.text)
      .join('\n');
    const prefix = scope === COMMON_SCOPE ? '' : `${scope}.`;
    const keys = Object.keys(flattenTranslation(readTranslationFile(scope, 'en'))).map((key) => prefix + key);
    const unused = keys.filter(
      (key) => !I18N_DYNAMIC_PREFIXES.some((dynamic) => key.startsWith(dynamic)) && !sources.includes(`'${key}'`) && !sources.includes(`"${key}"`),
    );
    expect(unused.map((key) => `"${key}" of i18n/${scope}/en.json is used nowhere`)).toEqual([]);
  });
});

describe('I18N_PENDING_FEATURES', () => {
  it('names only feature folders that exist', () => {
    expect(I18N_PENDING_FEATURES.filter((feature) => !FEATURES.includes(feature))).toEqual([]);
  });
});
