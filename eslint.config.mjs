import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Framework code stays out of the shared domain: it must run unchanged in the API and the browser. */
const FRAMEWORKS = ['@nestjs/*', '@angular/*', 'typeorm', 'typeorm/*', 'rxjs', 'rxjs/*', 'class-validator', 'class-transformer', 'pg', 'fastify', 'express', 'zone.js'];

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
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: { fetch: 'readonly', process: 'readonly', console: 'readonly', globalThis: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly', URL: 'readonly', URLSearchParams: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
