/**
 * Runs once when the server starts: checks every setting (lib/server/settings.ts) and creates DATA_DIR (results
 * live there), so a bad value or path stops the server at start, naming it, not mid-analysis; then warms the
 * inference workers (models loaded and run once) so the first user does not wait for that; /api/health says
 * "warming" until it is done. With the worker fleet (REDIS_URL) this process runs no models and warms nothing.
 */
export async function register(): Promise<void> {
  // Next.js's documented form: the Node-only import sits inside the check so the edge bundle leaves it out.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { assertSettings } = await import('./lib/server/settings');
    try {
      assertSettings();
    } catch (error) {
      // Thrown from here Next logs it and serves 500s; a bad setting must stop the server instead.
      console.error((error as Error).message);
      process.exit(1);
    }
    const { dataDir } = await import('./lib/server/stored-files');
    dataDir();
    // With the worker fleet (REDIS_URL) the models run in `strix worker` processes, which warm themselves.
    if (process.env.REDIS_URL) return;
    const { warmUpInferencePool } = await import('./lib/server/inference/pool');
    void warmUpInferencePool(); // not awaited: the server answers (health says "warming") meanwhile
  }
}
