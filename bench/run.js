// Runs every benchmark under bench/ (files named *.bench.js or *.bench.mjs), one after another.
const { readdirSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const benches = readdirSync(__dirname).filter((name) => /\.bench\.m?js$/.test(name)).sort();
if (benches.length === 0) {
  console.log('bench: no benchmarks yet (see bench/README.md)');
}
let failed = 0;
for (const name of benches) {
  console.log(`\n== ${name}`);
  const result = spawnSync(process.execPath, [path.join(__dirname, name)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
