import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath, WINDOW_SIZE } from './e2e/support/chromium'

// Workers inherit this: node:sqlite's one-time "experimental" warning is noise in test output.
// Connectors started by the specs take random ports, never the Pieces range (39300-39333).
process.env.CLIPWISE_PIECES_PORTS = 'off'
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --disable-warning=ExperimentalWarning`

// Browsers come from Debian, never from Playwright's download (DESIGN.md, "Testing without an
// Electron binary"). Specs that need no browser (e2e/electron.spec.ts) ignore these options.
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: WINDOW_SIZE,
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
})
