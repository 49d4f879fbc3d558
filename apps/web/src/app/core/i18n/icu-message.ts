import { FormatLocale, formatNumber, INTL_LOCALES } from './intl-format';

/**
 * The part of ICU MessageFormat the translations use, read without `eval`: the app's content
 * security policy allows no `new Function`, which the messageformat compiler needs.
 *
 * - `{name}`: a parameter; numbers in the user's digits with thousands separators, Latin text
 *   inside right-to-left text isolated (FSI … PDI) so that it does not reorder around it.
 * - `{count, plural, =0 {none} one {# day} other {# days}}`: the language's plural forms
 *   (Arabic has zero, one, two, few, many and other); `#` is the count.
 * - `{status, select, planned {…} other {…}}`.
 * - `{count, number}`.
 * - `'{'` writes a brace; `''` an apostrophe. A lone apostrophe ("Türkiye'de") is itself.
 */
type Part = string | { kind: 'arg'; name: string } | { kind: 'hash' } | { kind: 'plural' | 'select'; name: string; cases: Map<string, Part[]> };

export type MessageParams = Record<string, unknown>;

const parsed = new Map<string, Part[]>();

export function formatMessage(message: string, params: MessageParams, locale: FormatLocale): string {
  let parts = parsed.get(message);
  if (!parts) {
    parts = new MessageParser(message).parse();
    parsed.set(message, parts);
  }
  return formatParts(parts, params, locale, undefined);
}

/** The plural category of `count` in the language: 'zero' | 'one' | 'two' | 'few' | 'many' | 'other'. */
export function pluralCategory(count: number, locale: FormatLocale): Intl.LDMLPluralRule {
  return pluralRules(locale).select(count);
}

const rules = new Map<string, Intl.PluralRules>();
function pluralRules({ lang }: FormatLocale): Intl.PluralRules {
  let rule = rules.get(lang);
  if (!rule) {
    rule = new Intl.PluralRules(INTL_LOCALES[lang]);
    rules.set(lang, rule);
  }
  return rule;
}

const FSI = '\u2068';
const PDI = '\u2069';

function formatParts(parts: readonly Part[], params: MessageParams, locale: FormatLocale, count: number | undefined): string {
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string') text += part;
    else if (part.kind === 'hash') text += count === undefined ? '#' : formatNumber(count, locale);
    else if (part.kind === 'arg') text += formatValue(part.name, params, locale);
    else if (part.kind === 'plural') {
      const value = Number(params[part.name]);
      // A count that did not come stays visible as its name, like any missing parameter.
      if (params[part.name] === undefined || params[part.name] === null || Number.isNaN(value)) {
        text += `{${part.name}}`;
        continue;
      }
      const exact = part.cases.get(`=${value}`);
      const chosen = exact ?? part.cases.get(Number.isFinite(value) ? pluralCategory(value, locale) : 'other') ?? part.cases.get('other') ?? [];
      text += formatParts(chosen, params, locale, value);
    } else {
      const chosen = part.cases.get(String(params[part.name])) ?? part.cases.get('other') ?? [];
      text += formatParts(chosen, params, locale, count);
    }
  }
  return text;
}

function formatValue(name: string, params: MessageParams, locale: FormatLocale): string {
  const value = params[name];
  if (value === undefined || value === null) return `{${name}}`;
  if (typeof value === 'number') return formatNumber(value, locale);
  const text = String(value);
  // A Latin name or code inside Arabic text keeps its own direction and order.
  return locale.lang === 'ar' && /[A-Za-z]/.test(text) ? `${FSI}${text}${PDI}` : text;
}

class MessageParser {
  private pos = 0;

  constructor(private readonly source: string) {}

  parse(): Part[] {
    const parts = this.parseParts(false);
    if (this.pos < this.source.length) throw this.error('unmatched }');
    return parts;
  }

  private parseParts(inPlural: boolean): Part[] {
    const parts: Part[] = [];
    let text = '';
    const flush = () => {
      if (text) parts.push(text);
      text = '';
    };
    while (this.pos < this.source.length) {
      const char = this.source[this.pos];
      if (char === '}') break;
      if (char === '{') {
        flush();
        parts.push(this.parseArgument());
      } else if (char === '#' && inPlural) {
        flush();
        parts.push({ kind: 'hash' });
        this.pos += 1;
      } else if (char === "'") {
        text += this.parseQuoted(inPlural);
      } else {
        text += char;
        this.pos += 1;
      }
    }
    flush();
    return parts;
  }

  private parseQuoted(inPlural: boolean): string {
    const next = this.source[this.pos + 1];
    if (next === "'") {
      this.pos += 2;
      return "'";
    }
    if (next !== '{' && next !== '}' && !(inPlural && next === '#')) {
      this.pos += 1;
      return "'";
    }
    const end = this.source.indexOf("'", this.pos + 1);
    const quoted = this.source.slice(this.pos + 1, end === -1 ? undefined : end);
    this.pos = end === -1 ? this.source.length : end + 1;
    return quoted;
  }

  private parseArgument(): Part {
    this.pos += 1; // {
    const name = this.readWord();
    this.skipSpaces();
    if (this.source[this.pos] === '}') {
      this.pos += 1;
      return { kind: 'arg', name };
    }
    this.expect(',');
    const type = this.readWord();
    this.skipSpaces();
    if (type === 'number' && this.source[this.pos] === '}') {
      this.pos += 1;
      return { kind: 'arg', name };
    }
    if (type !== 'plural' && type !== 'select') throw this.error(`unknown argument type ${type}`);
    this.expect(',');
    const cases = new Map<string, Part[]>();
    for (;;) {
      this.skipSpaces();
      if (this.source[this.pos] === '}') break;
      const selector = this.readWord();
      if (!selector) throw this.error('expected a case');
      this.skipSpaces();
      if (this.source[this.pos] !== '{') throw this.error('expected {');
      this.pos += 1;
      cases.set(selector, this.parseParts(type === 'plural'));
      this.expect('}');
    }
    this.pos += 1;
    if (!cases.has('other')) throw this.error(`${type} of ${name} has no "other" case`);
    return { kind: type, name, cases };
  }

  private readWord(): string {
    this.skipSpaces();
    const match = /^[=\w.-]+/.exec(this.source.slice(this.pos));
    const word = match ? match[0] : '';
    this.pos += word.length;
    return word;
  }

  private skipSpaces(): void {
    while (/\s/.test(this.source[this.pos] ?? '')) this.pos += 1;
  }

  private expect(char: string): void {
    this.skipSpaces();
    if (this.source[this.pos] !== char) throw this.error(`expected ${char}`);
    this.pos += 1;
  }

  private error(why: string): Error {
    return new Error(`Translation message cannot be read (${why} at ${this.pos}): ${this.source}`);
  }
}
