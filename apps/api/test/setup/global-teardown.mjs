import pg from 'pg';

export default async function globalTeardown() {
  const admin = new pg.Client({ connectionString: process.env.RELIEF_TEST_ADMIN_URL });
  await admin.connect();
  // Clones a failed spec could not drop, then the template: leave the server as we found it.
  const run = process.env.RELIEF_TEST_RUN;
  const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname IN ($1) OR datname LIKE $2`, [
    process.env.RELIEF_TEST_TEMPLATE,
    `relief_test_c_${run}_%`,
  ]);
  const ours = rows.map((r) => r.datname);
  for (const name of ours) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  await globalThis.__reliefTestServer?.stop();
}
