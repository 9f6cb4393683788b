/**
 * Runs once when the server starts: creates DATA_DIR (results live there) so a bad path fails at start, not
 * mid-analysis, and warms the inference workers (models loaded and run once) so the first user does not wait
 * for that; /api/health says "warming" until it is done.
 */
export async function register(): Promise<void> {
  // Next.js's documented form: the Node-only import sits inside the check so the edge bundle leaves it out.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { dataDir } = await import('./lib/server/stored-files');
    dataDir();
    const { warmUpInferencePool } = await import('./lib/server/inference/pool');
    void warmUpInferencePool(); // not awaited: the server answers (health says "warming") meanwhile
  }
}
