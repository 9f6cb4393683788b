/**
 * The Redis named by STRIX_TEST_REDIS_URL (`.ci/services` starts one on loopback), in a numbered database of the
 * test's own. Without the variable the Redis cases skip locally but fail in CI, as the Postgres ones do.
 */
export function redisAvailable(): boolean {
  if (process.env.STRIX_TEST_REDIS_URL) return true;
  if (process.env.CI) throw new Error('STRIX_TEST_REDIS_URL is not set: .ci/run starts Redis with .ci/services');
  return false;
}

export function testRedisUrl(db: number): string {
  return `${process.env.STRIX_TEST_REDIS_URL!.replace(/\/\d*$/, '')}/${db}`;
}
