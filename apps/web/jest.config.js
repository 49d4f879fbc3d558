/**
 * Jest project for the web app. Runs alone (`npx jest -c apps/web/jest.config.js`) or as the `web`
 * project of the root config (`npx jest --selectProjects web`); paths resolve from this folder in both.
 */
const { createCjsPreset } = require('jest-preset-angular/presets');

/** @type {import('jest').Config} */
module.exports = {
  ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' }),
  displayName: 'web',
  rootDir: __dirname,
  // The preset's `jsdom` name needs jest-environment-jsdom, which the workspace does not install;
  // this is the same jsdom environment, shipped by jest-preset-angular on the jsdom we have.
  testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env',
  setupFilesAfterEnv: ['<rootDir>/jest-setup.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // @jsverse/utils (Transloco's) ships ES modules as .js, which the preset would leave untransformed.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@jsverse/utils/))'],
  moduleNameMapper: {
    '^@relief-ledger/domain$': '<rootDir>/../../libs/domain/src/index.ts',
  },
};
