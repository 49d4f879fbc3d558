// Writes a brotli (.br) and a gzip (.gz) copy beside every compressible file of the built app,
// at the highest settings: done once per build, so phones on a field network get the smallest
// files at no cost per request (the API serves them with `preCompressed`). A copy that would not
// be smaller is not written. Usage: node scripts/precompress.mjs [dist/browser]
import { readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|webmanifest|map|xml|ico)$/;
const SMALLEST_WORTH = 1024;
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(process.argv[2] ?? path.join(here, '../dist/browser'));
const br = promisify(brotliCompress);
const gz = promisify(gzip);

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

let count = 0;
let before = 0;
let after = 0;
for await (const file of files(root)) {
  if (/\.(br|gz)$/.test(file)) {
    // Left over from an earlier build whose original is gone: a stale copy must not be served.
    const original = file.slice(0, -3);
    if (!(await stat(original).catch(() => null))) await unlink(file);
    continue;
  }
  if (!COMPRESSIBLE.test(file)) continue;
  const content = await readFile(file);
  if (content.length < SMALLEST_WORTH) {
    // A copy from an earlier build of a file that has since shrunk would be served instead of it.
    await Promise.all(['.br', '.gz'].map((suffix) => unlink(file + suffix).catch(() => {})));
    continue;
  }
  const [brotli, gzipped] = await Promise.all([
    br(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
    gz(content, { level: 9 }),
  ]);
  for (const [suffix, packed] of [['.br', brotli], ['.gz', gzipped]]) {
    if (packed.length < content.length) await writeFile(file + suffix, packed);
    else await unlink(file + suffix).catch(() => {});
  }
  count += 1;
  before += content.length;
  after += brotli.length;
}
console.log(`precompressed ${count} files in ${path.relative(process.cwd(), root) || '.'}: ${(before / 1024).toFixed(0)} KB, ${(after / 1024).toFixed(0)} KB as brotli`);
