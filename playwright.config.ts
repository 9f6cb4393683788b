import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets several checkouts on one machine run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);

/**
 * End-to-end tests against a production build (`next build` runs first, via `npm test`). The models run
 * on two CPU cores here, so one analysis takes seconds: timeouts are generous and tests run one at a time.
 */
export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 180_000,
  expect: { timeout: 60_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 1000 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
            // A fake microphone (Chromium's beep tone) so the recording path runs for real, without a prompt.
            '--use-fake-device-for-media-stream',
            '--use-fake-ui-for-media-stream',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx next start -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    // The chat spec points a user endpoint at a closed loopback port to see the fallback; user endpoints are
    // off unless the operator allows them (lib/server/endpoint-policy.ts), so this server allows loopback.
    env: { STRIX_ENDPOINT_HOSTS: '127.0.0.1' },
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
