import { sweep } from './accessibility';
import { useBrowserHarness } from './harness';

/**
 * axe-core on every page of the app in Arabic (right to left), at 1280 and 360 px, as each role
 * (e2e/accessibility.ts says which pages each visits): no violation of impact serious or
 * critical. The list of pages visited is printed. (English has its own file, so the two run side by side.)
 */
describe('accessibility in ar (e2e, axe-core)', () => {
  const harness = useBrowserHarness();

  for (const width of [1280, 360]) {
    it(`finds no serious or critical violation on any page at ${width} px`, async () => {
      const { visited, violations } = await sweep({ browser: harness.browser, baseURL: harness.api.url, language: 'ar', width });
      console.log(`axe-core, ar at ${width} px: ${visited.length} pages\n  ${visited.join('\n  ')}`);
      expect(violations).toEqual([]);
    }, 600_000);
  }
});
