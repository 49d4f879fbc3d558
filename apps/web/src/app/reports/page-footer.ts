import { LocalWords } from '../core/i18n/local-words';

/**
 * The custom property on `<html>` that the sheets' footer reads (`@page { @bottom-center { content:
 * var(--rl-page-footer, …) } }` in styles.scss): a page's margin box inherits from the root element,
 * so this is how a translated sentence reaches it. English without it.
 */
export const PAGE_FOOTER_PROPERTY = '--rl-page-footer';

// Stand-ins for the counters while the message is formatted (private-use characters): no
// letters, so nothing isolates them, and no translation holds them.
const PAGE = '\ue000';
const PAGES = '\ue001';

/**
 * "Page 1 of 3" as CSS `content`: the translation (`reports.print.footer`) with the page counters
 * in place of its {page} and {pages}, in the user's digits: `'صفحة ' counter(page, arabic-indic) ' من ' counter(pages, arabic-indic)`.
 */
export function pageFooterContent(words: LocalWords): string {
  const style = words.locale.digits === 'arab' ? 'arabic-indic' : 'decimal';
  const counter: Readonly<Record<string, string>> = { [PAGE]: `counter(page, ${style})`, [PAGES]: `counter(pages, ${style})` };
  const message = words.t('reports.print.footer', { page: PAGE, pages: PAGES });
  return message
    .split(/([\ue000\ue001])/)
    .filter((part) => part !== '')
    .map((part) => counter[part] ?? cssString(part))
    .join(' ');
}

/** A CSS string literal of `text`: quotes, backslashes and line breaks escaped. */
function cssString(text: string): string {
  return `'${text.replace(/[\\'\n\r]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}'`;
}
