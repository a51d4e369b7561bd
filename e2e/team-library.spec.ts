import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { startConnector, type RunningConnector } from '../src/connector/server'
import {
  postgresUnavailable,
  startTestPostgres,
  type TestPostgres,
} from '../src/connector/server/team/test-support/postgres'
import { teamClient } from '../src/connector/server/team/test-support/team-client'
import { tempDir } from '../src/connector/server/test-support/temp-dir'
import { bindBridge, type BridgeRecord } from './support/bridge-binding'
import { buildApp } from './support/build-app'
import { chromiumPath, NO_CHROMIUM, WINDOW_SIZE } from './support/chromium'
import { startHarness, type Harness } from './support/companion-harness'
import { serveFolder, type StaticServer } from './support/static-server'

// The team library in the tray window, built as shipped, in Debian's Chromium: Sam's connector
// saves into a real PostgreSQL (a private cluster on a Unix socket), Alex's tray offers Sam's
// snippet for reuse naming Sam, and Alex shares one of his own from the library's edit form.
test.describe.configure({ mode: 'serial' })
test.skip(!chromiumPath(), NO_CHROMIUM)
const noPostgres = postgresUnavailable()
test.skip(noPostgres !== undefined, noPostgres ?? '')

const ROOT = join(__dirname, '..')
const SAMS = `export async function retry<T>(task: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await task()
    } catch (error) {
      if (i + 1 >= attempts) throw error
      await new Promise((resolve) => setTimeout(resolve, 2 ** i * 100))
    }
  }
}
`
const ALEXS = `def chunked(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]
`

let cluster: TestPostgres
let sam: RunningConnector
let samDir: { remove(): void }
let harness: Harness
let server: StaticServer
let context: BrowserContext
let page: Page
let bridge: BridgeRecord

test.beforeAll(async ({ browser }) => {
  if (!process.env.CLIPWISE_E2E_SKIP_BUILD || !existsSync(join(ROOT, 'out/renderer/index.html'))) {
    buildApp(ROOT)
  }
  cluster = await startTestPostgres()
  await cluster.createTeamDatabase('snippets', { alex: 'unused', sam: 'unused' })
  const dir = tempDir()
  samDir = dir
  sam = await startConnector({
    port: 0,
    dataDir: dir.path,
    team: { url: cluster.url('sam', 'snippets'), displayName: 'Sam', shareNewSaves: true },
  })
  await (await teamClient(sam.url)).save(SAMS, 'retry with backoff')
  harness = await startHarness({
    team: { url: cluster.url('alex', 'snippets'), displayName: 'Alex', shareNewSaves: false },
  })
  await harness.companion.completeOnboarding({ usageEvents: false })
  await harness.companion.updateSettings({
    team: { url: cluster.url('alex', 'snippets'), displayName: 'Alex', shareNewSaves: false },
  })
  await expect
    .poll(async () => (await harness.connectorJson<{ cursor: number }>('/team/status')).cursor, {
      timeout: 60_000,
    })
    .toBeGreaterThan(0)
  server = await serveFolder(join(ROOT, 'out', 'renderer'))
  context = await browser.newContext({ viewport: WINDOW_SIZE })
  page = await context.newPage()
  page.on('pageerror', (error) => {
    throw error
  })
  bridge = await bindBridge(page, harness.companion)
  await page.goto(server.url)
})

test.afterAll(async () => {
  bridge?.detach()
  await context?.close()
  await server?.close()
  await harness?.stop()
  await sam?.close()
  samDir?.remove()
  cluster?.destroy()
})

test("a teammate's snippet is offered for reuse, saying who saved it and where", async () => {
  harness.clipboard.copy(SAMS.replaceAll('attempts', 'tries'))
  await expect(
    page.getByRole('heading', { name: /^Sam saved (this|something close)/ }),
  ).toBeVisible()
  await expect(page.getByRole('option', { name: /retry with backoff/ })).toContainText(
    'saved by Sam in the team library snippets',
  )
  const writesBefore = harness.clipboard.writes.length
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'On your clipboard' })).toBeVisible()
  expect(harness.clipboard.writes.slice(writesBefore)).toEqual([SAMS])
})

test('sharing one of your snippets from the library puts it in the team library', async () => {
  harness.clipboard.copy(ALEXS)
  await expect(page.getByRole('heading', { name: 'New snippet worth keeping' })).toBeVisible()
  await page.getByRole('textbox', { name: 'Name' }).fill('chunked')
  await page.getByRole('textbox', { name: 'Name' }).blur()
  await page.keyboard.press('s')
  await expect(page.getByRole('heading', { name: 'Saved' })).toBeVisible()
  // Not shared by the setting: nothing of Alex's in the team library yet.
  const alexRows = async () =>
    (await cluster.admin('snippets', "SELECT name FROM clipwise_assets WHERE owner = 'alex'")).rows
  expect(await alexRows()).toEqual([])

  await page.keyboard.press('Control+2')
  const search = page.getByRole('combobox', { name: 'Search saved snippets' })
  await search.pressSequentially('chunked', { delay: 20 })
  await expect(page.getByRole('option', { name: /chunked/ })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await search.press('Control+e')
  const edit = page.getByRole('form', { name: 'Edit chunked' })
  await edit.getByRole('switch', { name: /Shared with the team/ }).check()
  await edit.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('option', { name: /chunked/ })).toContainText('shared')
  await expect.poll(alexRows).toEqual([{ name: 'chunked' }])
  // And Sam's connector now offers it to Sam.
  const samClient = await teamClient(sam.url)
  await expect.poll(async () => (await samClient.suggest(ALEXS)).reuse.suggested).toBe(true)
})
