import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Framework code stays out of the shared domain: it must run unchanged in the API and the browser. */
const FRAMEWORKS = ['@nestjs/*', '@angular/*', 'typeorm', 'typeorm/*', 'rxjs', 'rxjs/*', 'class-validator', 'class-transformer', 'pg', 'fastify', 'express', 'zone.js'];

/**
 * SQL has one room per aggregate (STYLE.md 11, DESIGN.md "Persistence and the organisation
 * boundary"): `<feature>.repository.ts` owns its tables and holds their SQL. This rule reports
 * every `.query(` call and every string or template literal that reads as SQL anywhere else.
 */
const SQL_STATEMENT = /^\s*(SELECT|INSERT\s+INTO|UPDATE|DELETE\s+FROM|WITH(\s+RECURSIVE)?|LISTEN|NOTIFY|COPY|TRUNCATE)\s/;
const SQL_KEYWORDS = [/\bSELECT\s/, /\sFROM\s/, /\bWHERE\s/, /\sJOIN\s/, /\bORDER BY\s/, /\bGROUP BY\s/, /\bLIMIT\s/, /\bRETURNING\s/, /\sVALUES\s*\(/, /\sIS (NOT )?NULL\b/, /= ANY\(/, /\sAND\s/, /\sOR\s/];
/** A bind parameter: `$1`, `$12`, or `$` before an interpolated number. */
const BIND_PARAMETER = /\$(\d+|\$\{)/;

function readsAsSql(text) {
  if (SQL_STATEMENT.test(text)) return true;
  const keywords = SQL_KEYWORDS.filter((keyword) => keyword.test(text)).length;
  return keywords >= 2 || (keywords >= 1 && BIND_PARAMETER.test(text));
}

const sqlRooms = {
  rules: {
    'sql-in-repositories': {
      meta: {
        type: 'problem',
        docs: { description: 'query() and raw SQL only in *.repository.ts, common/database/, database/ and demo/' },
        messages: {
          query: 'query() outside a repository: move this SQL into the owning feature\'s <feature>.repository.ts (STYLE.md 11).',
          sql: 'Raw SQL outside a repository: move it into the owning feature\'s <feature>.repository.ts (STYLE.md 11).',
        },
        schema: [],
      },
      create(context) {
        // An entity's named CHECK (`@Check('chk_…', '…')`) is schema mirrored from its migration, not a query.
        const inDecorator = (node) => context.sourceCode.getAncestors(node).some((ancestor) => ancestor.type === 'Decorator');
        return {
          CallExpression(node) {
            const callee = node.callee;
            if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'query') {
              context.report({ node: callee.property, messageId: 'query' });
            }
          },
          TemplateLiteral(node) {
            // The fixed text around the interpolations, each `${…}` standing for one value.
            const text = node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('${}');
            if (readsAsSql(text) && !inDecorator(node)) context.report({ node, messageId: 'sql' });
          },
          Literal(node) {
            if (typeof node.value === 'string' && readsAsSql(node.value) && !inDecorator(node)) context.report({ node, messageId: 'sql' });
          },
        };
      },
    },
  },
};

/** Where SQL may live: repositories, the database plumbing (pool, migrations runner, roles), the demo loader. */
const SQL_ROOMS = ['**/*.repository.ts', 'apps/api/src/common/database/**', 'apps/api/src/database/**', 'apps/api/src/demo/**'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.angular/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: FRAMEWORKS, message: 'libs/domain is plain TypeScript shared by API and web: no framework imports.' }] },
      ],
    },
  },
  // Features not yet given repositories: a warning each, so the rest of the work is a visible list.
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: SQL_ROOMS,
    plugins: { relief: sqlRooms },
    rules: { 'relief/sql-in-repositories': 'warn' },
  },
  // Features with their repositories: SQL anywhere else in them is an error.
  {
    files: [
      'apps/api/src/stock/**/*.ts',
      'apps/api/src/convoys/**/*.ts',
      'apps/api/src/distributions/**/*.ts',
      'apps/api/src/pause-windows/**/*.ts',
      'apps/api/src/incidents/**/*.ts',
      'apps/api/src/routes/**/*.ts',
    ],
    ignores: SQL_ROOMS,
    plugins: { relief: sqlRooms },
    rules: { 'relief/sql-in-repositories': 'error' },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: { fetch: 'readonly', process: 'readonly', console: 'readonly', globalThis: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly', URL: 'readonly', URLSearchParams: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
