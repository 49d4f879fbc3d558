// Run before the end-to-end specs: without a browser they cannot run, and the reason should be
// one line, not a stack trace.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(`e2e: no Chromium at ${path}: install it with "apt-get install -y chromium" (Debian) or set CHROMIUM_PATH to a Chromium or Chrome binary`);
  process.exit(1);
}
