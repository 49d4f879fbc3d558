import {
  AST,
  ASTWithSource,
  Binary,
  BindingPipe,
  Call,
  LiteralPrimitive,
  parseTemplate,
  RecursiveAstVisitor,
  TemplateLiteral,
  TmplAstBoundAttribute,
  TmplAstBoundText,
  TmplAstElement,
  TmplAstRecursiveVisitor,
  TmplAstText,
  TmplAstTextAttribute,
  tmplAstVisitAll,
} from '@angular/compiler';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** `apps/web/src/app`. */
export const APP_DIR = join(__dirname, '../../..');

/**
 * Attributes a person reads or hears (a tooltip, a screen reader's name, a field's placeholder),
 * and this app's component inputs that take words: their values must come from the translation layer.
 */
export const USER_VISIBLE_ATTRIBUTES: readonly string[] = [
  'title',
  'placeholder',
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'alt',
  'label',
  'matTooltip',
  'loadingLabel',
  'notFoundMessage',
  'heading',
  'allLabel',
  'hint',
  'error',
  'summary',
];

/**
 * Text allowed as it is in a template although it has letters: keep this list short, and say
 * why. Text without letters ("·", "—", "(", numbers) passes anyway; an element marked
 * `translate="no"` (the HTML way of saying "not words to translate") is skipped with its content.
 */
export const I18N_ALLOWED_TEXT: readonly string[] = [];

/** Elements whose content is not words: icon ligatures, code. */
const SKIPPED_ELEMENTS: readonly string[] = ['mat-icon', 'code', 'kbd', 'samp', 'style', 'script'];

const HAS_LETTER = /\p{L}/u;

export interface SourceFile {
  /** Relative to `src/app`. */
  path: string;
  text: string;
}

/** The app's source files (no specs, no `testing/` helpers), `.ts` and `.html`, of one top-level folder or all. */
export function appSources(folder?: string): SourceFile[] {
  const root = folder ? join(APP_DIR, folder) : APP_DIR;
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'testing') walk(full);
      } else if (/\.(ts|html)$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) {
        files.push({ path: relative(APP_DIR, full), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root);
  return files;
}

export interface Template {
  /** Where it is: `admin/user-list/user-list.html`, or `core/live/live-indicator.ts (inline)`. */
  path: string;
  text: string;
}

/** Every template of these files: the .html files, and the inline `template:` of components. */
export function templatesOf(files: readonly SourceFile[]): Template[] {
  const templates: Template[] = [];
  for (const file of files) {
    if (file.path.endsWith('.html')) {
      templates.push({ path: file.path, text: file.text });
      continue;
    }
    const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAssignment(node) && node.name.getText(source) === 'template' && ts.isNoSubstitutionTemplateLiteral(node.initializer)) {
        templates.push({ path: `${file.path} (inline)`, text: node.initializer.text });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return templates;
}

/** A template's literal words that do not go through the translation layer: "admin/x.html:12 text "Add user"". */
export function untranslatedText(template: Template): string[] {
  const found: string[] = [];
  const parsed = parseTemplate(template.text, template.path, { preserveWhitespaces: false });
  for (const error of parsed.errors ?? []) found.push(`${template.path}: template does not parse: ${error.msg}`);
  const where = (offset: number) => `${template.path}:${template.text.slice(0, offset).split('\n').length}`;
  const report = (offset: number, what: string, text: string) => {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (HAS_LETTER.test(trimmed) && !I18N_ALLOWED_TEXT.includes(trimmed)) found.push(`${where(offset)} ${what} "${trimmed}"`);
  };
  const literalsIn = (ast: AST, offset: number, what: string) => {
    new LiteralFinder((text) => report(offset, what, text)).visit(ast instanceof ASTWithSource ? ast.ast : ast);
  };

  class Visitor extends TmplAstRecursiveVisitor {
    override visitElement(element: TmplAstElement): void {
      if (SKIPPED_ELEMENTS.includes(element.name) || element.attributes.some((a) => a.name === 'translate' && a.value === 'no')) return;
      super.visitElement(element);
    }
    override visitText(text: TmplAstText): void {
      report(text.sourceSpan.start.offset, 'text', text.value);
    }
    override visitBoundText(text: TmplAstBoundText): void {
      literalsIn(text.value, text.sourceSpan.start.offset, 'text in {{ }}');
    }
    override visitTextAttribute(attribute: TmplAstTextAttribute): void {
      if (USER_VISIBLE_ATTRIBUTES.includes(attribute.name)) report(attribute.sourceSpan.start.offset, `attribute ${attribute.name}`, attribute.value);
    }
    override visitBoundAttribute(attribute: TmplAstBoundAttribute): void {
      if (USER_VISIBLE_ATTRIBUTES.includes(attribute.name)) literalsIn(attribute.value, attribute.sourceSpan.start.offset, `attribute ${attribute.name}`);
    }
  }
  tmplAstVisitAll(new Visitor(), parsed.nodes);
  return found;
}

/** Comparisons, whose literals are codes (`status === 'planned'`), not words. */
const COMPARISONS = ['==', '===', '!=', '!=='];

/**
 * An expression visitor that leaves out literals that are codes rather than words: those compared
 * (`status === 'planned'`) and those handed to a method (`errorFor('email')`).
 */
class CodeSkippingVisitor extends RecursiveAstVisitor {
  override visitBinary(binary: Binary, context: unknown): void {
    if (COMPARISONS.includes(binary.operation)) {
      for (const side of [binary.left, binary.right]) if (!(side instanceof LiteralPrimitive)) side.visit(this, context);
      return;
    }
    super.visitBinary(binary, context);
  }

  override visitCall(call: Call, context: unknown): void {
    call.receiver.visit(this, context);
    for (const arg of call.args) if (!(arg instanceof LiteralPrimitive)) arg.visit(this, context);
  }
}

/** String literals of an expression, except translation keys: the input and parameters of the `transloco` pipe. */
class LiteralFinder extends CodeSkippingVisitor {
  constructor(private readonly found: (text: string) => void) {
    super();
  }

  override visitPipe(pipe: BindingPipe, context: unknown): void {
    if (pipe.name === 'transloco') return;
    super.visitPipe(pipe, context);
  }

  override visitLiteralPrimitive(literal: LiteralPrimitive): void {
    if (typeof literal.value === 'string') this.found(literal.value);
  }

  override visitTemplateLiteral(literal: TemplateLiteral, context: unknown): void {
    for (const element of literal.elements) this.found(element.text);
    super.visitTemplateLiteral(literal, context);
  }
}

/** The translation keys a template passes to the `transloco` pipe as literals (`'admin.users.add' | transloco`). */
export function templateKeys(template: Template): string[] {
  const keys: string[] = [];
  const parsed = parseTemplate(template.text, template.path, { preserveWhitespaces: false });
  class KeyFinder extends RecursiveAstVisitor {
    override visitPipe(pipe: BindingPipe, context: unknown): void {
      if (pipe.name === 'transloco') {
        new (class extends CodeSkippingVisitor {
          override visitLiteralPrimitive(literal: LiteralPrimitive): void {
            // A prefix ('status.convoy.' + status) is a dynamic key, declared as such.
            if (typeof literal.value === 'string' && !literal.value.endsWith('.')) keys.push(literal.value);
          }
        })().visit(pipe.exp);
      }
      super.visitPipe(pipe, context);
    }
  }
  const finder = new KeyFinder();
  class Visitor extends TmplAstRecursiveVisitor {
    override visitBoundText(text: TmplAstBoundText): void {
      finder.visit(text.value instanceof ASTWithSource ? text.value.ast : text.value);
    }
    override visitBoundAttribute(attribute: TmplAstBoundAttribute): void {
      finder.visit(attribute.value instanceof ASTWithSource ? attribute.value.ast : attribute.value);
    }
  }
  tmplAstVisitAll(new Visitor(), parsed.nodes);
  return keys;
}

/** Keys code passes to `t(…)` as literals: `language.t('admin.users.added', …)`, `words.t('time.in', …)`. */
export function codeKeys(file: SourceFile): string[] {
  return [...withoutComments(file.text).matchAll(/\bt\(\s*'([^'`$]+)'/g)].map((match) => match[1]).filter((key) => !key.endsWith('.'));
}

/**
 * Habits of the English-only app that a translated folder must not keep, with what replaces them.
 */
export const FORBIDDEN_IN_TRANSLATED_CODE: readonly { pattern: RegExp; instead: string }[] = [
  { pattern: /(?<!function )\bproblemMessage\(/, instead: 'ProblemMessages.message(problem)' },
  { pattern: /(?<!function )\bnotSentMessage\(/, instead: 'notSentText(button, words)' },
  {
    pattern: /\b(ROLE|CONVOY_STATUS|COVERAGE|INCIDENT_KIND|PAUSE_WINDOW_STATUS|CAMP_STATUS|ITEM_KIND|STOCK_POINT_KIND|MOVEMENT_KIND|LOSS_CAUSE|REPORT_LEVEL|LOCATION_LEVEL|CONVOY_PURPOSE)_LABELS\b/,
    instead: "a translation by code: 'status.convoy.' + status | transloco",
  },
  { pattern: /\.toLocaleString\(/, instead: 'formatNumber(value, words.locale) or | rlNumber' },
  { pattern: /\b(DatePipe|DecimalPipe|formatDate|formatNumber)\b.*'@angular\/common'/, instead: 'the rl* pipes and core/i18n/intl-format' },
  { pattern: /\|\s*(date|number)\s*(:\s*'|\}\})/, instead: '| rlDate, | rlDateTime, | rlDay, | rlNumber' },
  { pattern: /type="number"/, instead: 'rlNumberInput (accepts Arabic-Indic digits)' },
  { pattern: /new Intl\.(DateTimeFormat|NumberFormat)\(\s*'en/, instead: 'core/i18n/intl-format' },
];

/** The text with its comments blanked out (line numbers kept): an example in a comment is not a use. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' ')).replace(/(^|[^:])\/\/.*$/gm, '$1');
}

export function forbiddenHabits(file: SourceFile): string[] {
  const found: string[] = [];
  file.text.split('\n').forEach((line, index) => {
    if (/^\s*(\/\/|\*|\/\*\*)/.test(line)) return;
    for (const { pattern, instead } of FORBIDDEN_IN_TRANSLATED_CODE) {
      if (pattern.test(line)) found.push(`${file.path}:${index + 1} "${line.trim()}": use ${instead}`);
    }
  });
  return found;
}
