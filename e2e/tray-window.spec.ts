import { expect, test, type Page } from '@playwright/test'
import type { BridgeRecord } from './support/bridge-binding'
import { chromiumPath, NO_CHROMIUM } from './support/chromium'
import { APP_VERSION, type Harness } from './support/companion-harness'
import { SNIPPET, VARIANT } from './support/snippets'
import { openTrayPage, type TrayPage } from './support/tray-page'

// The tray window, built as shipped, in Debian's Chromium; `window.clipwise` is backed by a real
// core and a real embedded connector in this process (DESIGN.md, "Testing without an Electron
// binary"). One user's session from first run to settings, in order. Every view's accessibility
// is checked, in both themes, by e2e/accessibility.spec.ts.
test.describe.configure({ mode: 'serial' })
test.skip(!chromiumPath(), NO_CHROMIUM)

interface WireAsset {
  id: string
  name: string
  formats: { iterable: { classification: { specific: string } }[] }
  score?: { reuse?: number }
  tags?: { iterable: { text: string }[] }
}

let tray: TrayPage
let harness: Harness
let page: Page
let bridge: BridgeRecord
let savedId = ''
const OFFLINE_SNIPPET = `def slugify(text: str) -> str:
    return "-".join(part for part in text.lower().split() if part)
`

test.beforeAll(async ({ browser }) => {
  tray = await openTrayPage(browser)
  ;({ harness, page, bridge } = tray)
})

test.afterAll(async () => {
  await tray?.close()
})

async function copy(text: string) {
  harness.clipboard.copy(text)
}

test('first run shows onboarding, and finishing it sends /onboarded to the connector', async () => {
  await expect(
    page.getByRole('heading', { name: 'Reuse the code you already wrote' }),
  ).toBeVisible()
  await page.keyboard.press('Enter') // "Continue" has focus
  await expect(page.getByRole('heading', { name: 'Save from anywhere' })).toBeVisible()
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(
    page.getByRole('heading', { name: 'Your code stays on this computer' }),
  ).toBeVisible()
  await page.getByRole('checkbox', { name: 'Send usage events to the connector' }).check()
  await page.getByRole('button', { name: 'Start using Clipwise' }).click()

  await expect(page.getByRole('heading', { name: 'Copy some code' })).toBeVisible()
  expect(bridge.calls).toContainEqual({
    method: 'completeOnboarding',
    request: { usageEvents: true },
  })
  await expect
    .poll(async () => {
      const context = await harness.connectorJson<{ application: { onboarded: boolean } }>(
        '/connect',
        { application: { name: 'OPEN_SOURCE', version: APP_VERSION, platform: 'LINUX' } },
      )
      return context.application.onboarded
    })
    .toBe(true)
  expect((await harness.settingsOnDisk()).usageEvents).toBe(true)
  await expect(page.getByRole('status', { name: /Connector: Embedded/ })).toBeVisible()
})

test('a new snippet is offered for saving, and S saves it with the name, tags and language chosen', async () => {
  await copy(SNIPPET)
  await expect(page.getByRole('heading', { name: 'New snippet worth keeping' })).toBeVisible()
  // The language is left to the connector until the user picks one (this came from a .tsx
  // file); the preview re-highlights with the choice.
  const language = page.getByRole('combobox', { name: 'Language' })
  await expect(language).toHaveValue('')
  await expect(language.locator('option:checked')).toHaveText('Detect automatically')
  await language.selectOption('tsx')
  await expect(page.locator('pre.code[data-highlighted="true"]')).toBeVisible()
  const name = page.getByRole('textbox', { name: 'Name' })
  await name.fill('Debounce helper')
  const tags = page.getByRole('textbox', { name: 'Tags' })
  await tags.fill('timing, ts')
  await tags.blur() // S in a field types; S anywhere else saves

  await page.keyboard.press('s')
  await expect(page.getByRole('heading', { name: 'Saved' })).toBeVisible()
  await expect(page.getByRole('button', { name: /Undo/ })).toBeVisible()

  const assets = await harness.connectorJson<{ iterable: WireAsset[] }>('/assets')
  expect(assets.iterable).toHaveLength(1)
  const saved = assets.iterable.find((asset) => asset.name === 'Debounce helper')
  expect(saved, 'the connector holds the saved asset').toBeDefined()
  // The language picked, the tags typed and the connector's own tag (the language) all kept.
  expect(saved?.formats.iterable[0]?.classification.specific).toBe('tsx')
  expect(saved?.tags?.iterable.map((tag) => tag.text).sort()).toEqual(['timing', 'ts', 'tsx'])
  savedId = saved?.id ?? ''
})

test('a variant shows the saved match with its similarity, and Enter reuses it', async () => {
  await copy(VARIANT)
  await expect(
    page.getByRole('heading', { name: /You saved (this|something close)/ }),
  ).toBeVisible()
  const match = page.getByRole('option', { name: /Debounce helper/ })
  await expect(match).toHaveAttribute('aria-selected', 'true')
  const similarity = page.getByRole('meter', { name: /Similarity \d+%/ })
  await expect(similarity).toBeVisible()
  const value = Number(await similarity.getAttribute('value'))
  expect(value).toBeGreaterThan(0.5)
  await expect(match).toContainText(`${Math.round(value * 100)}%`)
  await expect(page.getByRole('group', { name: /Differences/ })).toBeVisible()

  const writesBefore = harness.clipboard.writes.length
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'On your clipboard' })).toBeVisible()
  expect(harness.clipboard.writes.slice(writesBefore)).toEqual([SNIPPET])
  await expect
    .poll(async () => (await harness.connectorJson<WireAsset>(`/assets/${savedId}`)).score?.reuse)
    .toBe(1)
  expect(bridge.hideWindow).toBe(1)
})

test('the library finds the snippet as you type, copies it with Enter and edits it', async () => {
  await page.keyboard.press('Control+2')
  const search = page.getByRole('combobox', { name: 'Search saved snippets' })
  await expect(search).toBeFocused()
  await search.pressSequentially('debounce', { delay: 20 })
  const result = page.getByRole('option', { name: /Debounce helper/ })
  await expect(result).toHaveAttribute('aria-selected', 'true')
  await expect
    .poll(() => bridge.calls.filter((call) => call.method === 'searchLibrary').at(-1)?.request)
    .toEqual({ query: 'debounce' })
  await expect(page.getByRole('option')).toHaveCount(1)

  const writesBefore = harness.clipboard.writes.length
  await search.press('Enter')
  await expect(
    page.getByRole('status').filter({ hasText: 'Copied “Debounce helper”' }),
  ).toBeVisible()
  expect(harness.clipboard.writes.slice(writesBefore)).toEqual([SNIPPET])

  await search.press('Control+e')
  const edit = page.getByRole('form', { name: 'Edit Debounce helper' })
  await edit.getByRole('textbox', { name: 'Name' }).fill('Debounce (trailing)')
  // A language correction: it was plain TypeScript after all.
  await edit.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'TypeScript' })
  await edit.getByRole('button', { name: 'Save changes' }).click()
  const row = page.getByRole('option', { name: /Debounce \(trailing\)/ })
  await expect(row).toBeVisible()
  await expect(row).toContainText('TypeScript')
  await expect
    .poll(async () => {
      const asset = await harness.connectorJson<WireAsset>(`/assets/${savedId}`)
      return [asset.name, asset.formats.iterable[0]?.classification.specific]
    })
    .toEqual(['Debounce (trailing)', 'ts'])

  await search.press('Control+d')
  await expect(
    page.getByRole('alertdialog', { name: /Delete “Debounce \(trailing\)”/ }),
  ).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('alertdialog')).toHaveCount(0)
})

test('activity lists what happened to each copy, with usage figures', async () => {
  await page.keyboard.press('Control+3')
  const list = page.getByRole('list', { name: 'Recent copies' })
  await expect(list.getByText('Reused')).toBeVisible()
  await expect(list.getByText('Saved', { exact: true })).toBeVisible()
  await expect(page.locator('.stat').first()).not.toContainText('–')
})

test('with the connector gone, a save waits and is made when it is back: "Saved (was waiting)"', async () => {
  await page.keyboard.press('Control+1')
  await harness.pauseConnector()
  await copy(OFFLINE_SNIPPET)
  await expect(page.getByRole('heading', { name: 'Waiting for the connector' })).toBeVisible()
  await page.getByRole('textbox', { name: 'Name' }).fill('Slugify')
  await page.getByRole('button', { name: /^Save/ }).click()
  await expect(page.getByRole('heading', { name: 'Will be saved' })).toBeVisible()

  harness.resumeConnector()
  await expect(page.getByRole('status', { name: /Connector: Embedded/ })).toBeVisible({
    timeout: 20_000,
  })
  await expect(page.getByRole('heading', { name: 'Saved' })).toBeVisible({ timeout: 20_000 })
  await page.keyboard.press('Control+3')
  const list = page.getByRole('list', { name: 'Recent copies' })
  await expect(list.getByText('Saved (was waiting)')).toBeVisible()
  const assets = await harness.connectorJson<{ iterable: WireAsset[] }>('/assets')
  expect(assets.iterable.filter((asset) => asset.name === 'Slugify')).toHaveLength(1)
})

test('the tray menu’s "Settings…" opens the Settings view', async () => {
  await page.keyboard.press('Control+1')
  await expect(page.getByRole('tab', { name: /Now/, selected: true })).toBeVisible()
  // What main sends when "Settings…" is clicked (src/main/tray-window.ts).
  await page.evaluate(() => window.__clipwiseOpenView?.('settings'))
  await expect(page.getByRole('tab', { name: /Settings/, selected: true })).toBeVisible()
  await expect(page.getByRole('switch', { name: 'Launch at login' })).toBeVisible()
})

test('settings apply through the core and persist across a reload', async () => {
  await page.keyboard.press('Control+4')
  // Switches show the core's answer, not a guess: click, then wait for the state to come back.
  const launch = page.getByRole('switch', { name: 'Launch at login' })
  await launch.click()
  await expect(launch).toBeChecked()
  await page.getByRole('textbox', { name: 'New ignore pattern' }).fill('^token:')
  await page.getByRole('textbox', { name: 'Test text for ignore patterns' }).fill('token: abc')
  await expect(page.getByText('Matches the test text.')).toBeVisible()
  await page.getByRole('button', { name: 'Add' }).click()
  await expect(page.getByText('Ignored by a pattern.')).toBeVisible()
  await page.getByRole('textbox', { name: 'New ignore pattern' }).fill('([')
  await expect(page.getByRole('textbox', { name: 'New ignore pattern' })).toHaveAttribute(
    'aria-invalid',
    'true',
  )
  await page.getByRole('textbox', { name: 'New ignore pattern' }).fill('')

  await expect.poll(async () => (await harness.settingsOnDisk()).launchAtLogin).toBe(true)
  expect((await harness.settingsOnDisk()).ignorePatterns).toEqual(['^token:'])

  await page.reload()
  await page.keyboard.press('Control+4')
  await expect(page.getByRole('switch', { name: 'Launch at login' })).toBeChecked()
  await expect(page.getByText('^token:')).toBeVisible()

  await page.getByText('Dark', { exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.getByText('System', { exact: true }).click()
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./)
})

test('paused: the Now view says so and offers to resume', async () => {
  await page.keyboard.press('Control+4')
  await page.getByRole('switch', { name: 'Pause watching' }).click()
  await expect(page.getByRole('switch', { name: 'Pause watching' })).toBeChecked()
  await page.keyboard.press('Control+1')
  await expect(page.getByRole('heading', { name: 'Paused' })).toBeVisible()
  await page.getByRole('button', { name: 'Resume watching' }).click()
  await expect(page.getByRole('heading', { name: 'Paused' })).toHaveCount(0)
})

test('the window refuses injected inline script, plugins and a foreign base URL (CSP)', async () => {
  const outcome = await page.evaluate(async () => {
    const violated: string[] = []
    document.addEventListener('securitypolicyviolation', (e) => violated.push(e.effectiveDirective))
    const script = document.createElement('script')
    script.textContent = 'window.__clipwiseInjected = true'
    document.head.append(script)
    const base = document.createElement('base')
    base.href = 'https://example.invalid/'
    document.head.append(base)
    const plugin = document.createElement('object')
    plugin.data = '/favicon.ico'
    document.body.append(plugin)
    // Violation reports are queued as tasks: wait for the three (at most 5 s; a missing one fails
    // the expectations below).
    const expected = ['script-src-elem', 'object-src', 'base-uri']
    await new Promise<void>((resolve) => {
      const check = () => {
        if (expected.every((directive) => violated.includes(directive))) resolve()
      }
      document.addEventListener('securitypolicyviolation', check)
      check()
      setTimeout(resolve, 5000)
    })
    const ran = (window as { __clipwiseInjected?: boolean }).__clipwiseInjected === true
    script.remove()
    base.remove()
    plugin.remove()
    return { ran, violated, baseURI: document.baseURI }
  })
  expect(outcome.ran).toBe(false)
  expect(outcome.violated).toEqual(expect.arrayContaining(['script-src-elem', 'object-src']))
  expect(outcome.violated).toContain('base-uri')
})
