/** Runs once when the server starts: creates DATA_DIR (results live there) so a bad path fails at start, not mid-analysis. */
export async function register(): Promise<void> {
  // Next.js's documented form: the Node-only import sits inside the check so the edge bundle leaves it out.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { dataDir } = await import('./lib/server/stored-files');
    dataDir();
  }
}
