// Draws the app's PNG icons for the web app manifest from public/favicon.svg, with the system
// Chromium (headless, through playwright-core): 192 and 512 pixels as they are, and a maskable 512
// whose glyph sits inside the safe circle on a full-bleed background, so launchers may crop it to any
// shape. Run once when the favicon changes and commit the PNGs: node apps/web/scripts/make-icons.mjs
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const publicDir = path.join(here, '../public');
const svg = await readFile(path.join(publicDir, 'favicon.svg'), 'utf8');
// The favicon's own background, filled to the edges for the maskable icon.
const BACKGROUND = '#005cbb';
// The safe zone of a maskable icon is the circle of 80% of its width; the glyph stays well inside it.
const MASKABLE_GLYPH_SHARE = 0.62;

const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const { file, size, maskable } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const glyph = maskable ? Math.round(size * MASKABLE_GLYPH_SHARE) : size;
    const background = maskable ? BACKGROUND : 'transparent';
    await page.setContent(
      `<html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${background}">` +
        `<div style="width:${glyph}px;height:${glyph}px">${svg.replace('<svg ', `<svg width="${glyph}" height="${glyph}" `)}</div></body></html>`,
    );
    await page.screenshot({ path: path.join(publicDir, 'icons', file), omitBackground: !maskable });
    await page.close();
  }
} finally {
  await browser.close();
}
