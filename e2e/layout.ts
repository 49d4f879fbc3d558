import type { Page } from 'playwright-core';

/**
 * What makes a phone screen scroll sideways: nothing when neither the document nor the shell's
 * content pane (where the app scrolls) is wider than the window; otherwise those two boxes'
 * widths and up to ten elements reaching past either edge, so a failure names its culprit.
 */
export function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const boxes = [document.documentElement, document.querySelector('mat-sidenav-content')].filter((box): box is Element => !!box);
    const wide = boxes.filter((box) => box.scrollWidth > box.clientWidth + 1);
    if (wide.length === 0) return [];
    const name = (element: Element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${String(element.className).trim().split(/\s+/).join('.')}`;
    const culprits = Array.from(document.querySelectorAll('body *'))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 1 || box.left < -1);
      })
      .slice(0, 10)
      .map((element) => {
        const box = element.getBoundingClientRect();
        return `${name(element)} from ${Math.round(box.left)} to ${Math.round(box.right)} px`;
      });
    return [...wide.map((box) => `${name(box)} ${box.scrollWidth}/${box.clientWidth} px`), ...culprits];
  });
}

/**
 * Waits up to `ms` for the screen to fit the window (a list still filling in can be wider for a
 * moment on a loaded machine), then returns what is still too wide: [] when it fits.
 */
export async function settledSidewaysOverflow(page: Page, ms = 3_000): Promise<string[]> {
  const until = Date.now() + ms;
  for (;;) {
    const found = await sidewaysOverflow(page);
    if (found.length === 0 || Date.now() > until) return found;
    await page.waitForTimeout(150);
  }
}
