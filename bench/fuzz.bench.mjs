// The fuzz spec (apps/api/test/fuzz.spec.ts) at length: FUZZ_RUNS hostile requests per operation
// and role (default 200, against 15 in `npm test`), then the figures: requests sent, statuses
// seen, time, and the distinct failures. Builds nothing: run `npm run build` first.
//   npm run bench                       (every bench)
//   FUZZ_RUNS=1000 node bench/fuzz.bench.mjs
//   FUZZ_SEED=123 node bench/fuzz.bench.mjs   (repeat a run)
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = process.env.FUZZ_RUNS ?? '200';
const statsFile = path.join(os.tmpdir(), `relief-fuzz-bench-${process.pid}.json`);

const started = Date.now();
// The path comes before --selectProjects, which takes every word after it as a project name.
const result = spawnSync('npx', ['jest', 'apps/api/test/fuzz.spec.ts', '--selectProjects', 'api'], {
  cwd: ROOT,
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_STATS_FILE: statsFile },
  // Jest's own report is long (every failure with its reproduction): kept for the end, on failure.
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
const wall = (Date.now() - started) / 1000;

let stats;
try {
  stats = JSON.parse(readFileSync(statsFile, 'utf8'));
  rmSync(statsFile);
} catch {
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  console.log(`fuzz bench: the spec wrote no figures (exit code ${result.status}); its output is above`);
  process.exit(1);
}

const statuses = Object.entries(stats.statuses)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([status, n]) => `${status}: ${n}`)
  .join(', ');
console.log(`fuzz bench: ${stats.runs} runs per operation and role, seed ${stats.seed} (repeat with FUZZ_SEED=${stats.seed} FUZZ_RUNS=${stats.runs})`);
console.log(`  requests   ${stats.requests} to ${stats.operations} operations, ${(stats.requests / stats.seconds).toFixed(0)} per second`);
console.log(`  time       ${stats.seconds.toFixed(1)} s fuzzing, ${wall.toFixed(1)} s with Jest, the database and the app starting`);
console.log(`  statuses   ${statuses}`);
console.log(`  restarts   ${stats.restarts} (the app died and was started again)`);
console.log(`  failures   ${stats.failures.length} distinct`);
for (const failure of stats.failures) console.log(`\n${failure}`);
// The spec's fixed cases (keep-alive after a refusal, oversized headers), as Jest listed them.
const listed = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.split('\n').filter((line) => /^\s+[✓✕]/.test(line));
if (listed.length) console.log(`\nthe spec's tests:\n${listed.join('\n')}`);
process.exit(stats.failures.length || result.status ? 1 : 0);
