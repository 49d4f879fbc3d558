import type { Page } from 'playwright-core';

/** Until the service worker controls the page and has every file its manifest says to prefetch. */
export async function waitForOfflineCopy(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(
    async () => {
      if (!navigator.serviceWorker.controller) return false;
      const manifest = (await (await fetch('/ngsw.json', { cache: 'no-store' })).json()) as {
        assetGroups: { installMode: string; urls: string[] }[];
      };
      const wanted = manifest.assetGroups.filter((group) => group.installMode === 'prefetch').flatMap((group) => group.urls);
      const cached = new Set<string>();
      for (const name of (await caches.keys()).filter((key) => key.includes(':assets:'))) {
        for (const request of await (await caches.open(name)).keys()) cached.add(new URL(request.url).pathname);
      }
      return wanted.every((url) => cached.has(url));
    },
    undefined,
    { timeout: 90_000, polling: 1000 },
  );
}
