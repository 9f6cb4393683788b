/** Runs once when the server starts: creates DATA_DIR (results live there) so a bad path fails at start, not mid-analysis. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { dataDir } = await import('./lib/server/stored-files');
  dataDir();
}
