import { defineConfig } from '@playwright/test';

/** `npm run bench`: the production build and the baseline page (copied to dist-bench/), measured in Debian's Chromium. */
export default defineConfig({
  testDir: '.',
  // The app in Chromium, then the room under load (Node clients only: it uses neither the page nor the server below).
  testMatch: ['bench.spec.ts', 'room-load.spec.ts'],
  workers: 1,
  // A full run takes a quarter of an hour on a quiet machine, more than 30 minutes on a busy one.
  timeout: 90 * 60_000,
  // Opening a 1000-step map takes seconds on a slow machine: waiting is not what is measured.
  expect: { timeout: 30_000 },
  reporter: 'list',
  use: {
    baseURL: 'http://127.0.0.1:4174/',
    serviceWorkers: 'block',
    viewport: { width: 1600, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    // A copy of the build, taken at the start: the tests' builds replace dist/ at any moment (wiping
    // the baseline page), and a full run takes a quarter of an hour.
    command: 'rm -rf dist-bench && cp -r dist dist-bench && npx vite preview --outDir dist-bench --port 4174 --strictPort --host 127.0.0.1',
    cwd: '..',
    url: 'http://127.0.0.1:4174/',
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
