import type { Browser, BrowserContext, Page } from '@playwright/test'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { bindBridge, type BridgeRecord } from './bridge-binding'
import { buildApp } from './build-app'
import { WINDOW_SIZE } from './chromium'
import { startHarness, type Harness } from './companion-harness'
import { serveFolder, type StaticServer } from './static-server'

const ROOT = join(__dirname, '..', '..')

/** The built tray window in a page of its own, its bridge backed by a fresh core and connector. */
export interface TrayPage {
  page: Page
  harness: Harness
  bridge: BridgeRecord
  close(): Promise<void>
}

/** Builds the app once per worker (unless `npm test` already did), then opens the tray window. */
export async function openTrayPage(browser: Browser): Promise<TrayPage> {
  if (!process.env.CLIPWISE_E2E_SKIP_BUILD || !existsSync(join(ROOT, 'out/renderer/index.html'))) {
    buildApp(ROOT)
    process.env.CLIPWISE_E2E_SKIP_BUILD = '1'
  }
  const harness = await startHarness()
  let server: StaticServer | undefined
  let context: BrowserContext | undefined
  let bridge: BridgeRecord | undefined
  const close = async () => {
    bridge?.detach()
    await context?.close()
    await server?.close()
    await harness.stop()
  }
  try {
    server = await serveFolder(join(ROOT, 'out', 'renderer'))
    context = await browser.newContext({ viewport: WINDOW_SIZE })
    const page = await context.newPage()
    page.on('pageerror', (error) => {
      throw error
    })
    bridge = await bindBridge(page, harness.companion)
    await page.goto(server.url)
    return { page, harness, bridge, close }
  } catch (error) {
    await close()
    throw error
  }
}
