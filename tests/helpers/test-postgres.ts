/**
 * A throwaway PostgreSQL database per test file, on the server named by STRIX_TEST_DATABASE_URL (`.ci/services`
 * starts one on loopback). Without that variable the Postgres cases skip locally but fail in CI, so the shared
 * backend is never silently untested there.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.STRIX_TEST_DATABASE_URL;

/** True when the Postgres cases should run; throws in CI when they cannot. */
export function postgresAvailable(): boolean {
  if (TEST_DATABASE_URL) return true;
  if (process.env.CI)
    throw new Error('STRIX_TEST_DATABASE_URL is not set: .ci/run starts PostgreSQL with .ci/services');
  return false;
}

/** Creates an empty database and returns its URL and a function that drops it. */
export async function createTestDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new URL(TEST_DATABASE_URL!);
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
