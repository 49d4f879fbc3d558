import { sweep } from './accessibility';
import { useBrowserHarness } from './harness';

/**
 * axe-core on every page of the app in Arabic (right to left), at 1280 and 360 px, as each role
 * (e2e/accessibility.ts says which pages each visits): no violation of impact serious or
 * critical. The list of pages visited is printed. (English has its own file, so the two run side by side.)
 */
// Long (every page × role × width): run with `npm run test:a11y`; not yet part of `npm test`
// until a clean run has been seen on a quiet machine (issue 14's note says why).
const describeSweep = process.env['A11Y_SWEEP'] === '1' ? describe : describe.skip;

describeSweep('accessibility in ar (e2e, axe-core)', () => {
  const harness = useBrowserHarness();

  for (const width of [1280, 360]) {
    it(`finds no serious or critical violation on any page at ${width} px`, async () => {
      const { visited, violations } = await sweep({ browser: harness.browser, baseURL: harness.api.url, language: 'ar', width });
      console.log(`axe-core, ar at ${width} px: ${visited.length} pages\n  ${visited.join('\n  ')}`);
      expect(violations).toEqual([]);
    }, 600_000);
  }
});
