/**
 * `npm test` runs every project: domain unit specs, API specs (unit, and integration through
 * the built app over HTTP on real PostgreSQL), web unit specs, and end-to-end in Chromium.
 */
const domain = '<rootDir>/libs/domain/src/index.ts';

/** @type {import('jest').Config} */
module.exports = {
  // Integration specs start real processes and databases; 2 workers fit these 2-core machines.
  maxWorkers: 2,
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'domain',
      rootDir: __dirname,
      testMatch: ['<rootDir>/libs/domain/src/**/*.spec.ts'],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/libs/domain/tsconfig.json' }] },
      testEnvironment: 'node',
    },
    {
      displayName: 'api',
      rootDir: __dirname,
      testMatch: ['<rootDir>/apps/api/src/**/*.spec.ts', '<rootDir>/apps/api/test/**/*.spec.ts'],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/apps/api/test/tsconfig.json' }] },
      moduleNameMapper: { '^@relief-ledger/domain$': domain, '^(\\.{1,2}/.*)\\.js$': '$1' },
      testEnvironment: 'node',
      globalSetup: '<rootDir>/apps/api/test/setup/global-setup.mjs',
      globalTeardown: '<rootDir>/apps/api/test/setup/global-teardown.mjs',
    },
    '<rootDir>/apps/web',
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/e2e/tsconfig.json' }] },
      moduleNameMapper: { '^@relief-ledger/domain$': domain },
      testEnvironment: 'node',
      globalSetup: '<rootDir>/apps/api/test/setup/global-setup.mjs',
      globalTeardown: '<rootDir>/apps/api/test/setup/global-teardown.mjs',
    },
  ],
};
