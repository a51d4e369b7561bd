import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test'
import type { TestHooks } from '../src/main/app'
import type { TrayAction } from '../src/main/tray-menu'
import type { AppState } from '../src/shared/domain'
import type { ClipwiseApi } from '../src/shared/ipc'
import { ensureDisplay, type Display } from './support/xvfb'

// The built Electron app, driven by Playwright: tray menu → window, clicks through onboarding,
// copy → suggestion saved with a click, reuse → clipboard, hotkey → saved. Needs Electron's
// binary, which the build machines cannot download; e2e/main-stand-in.spec.ts runs the same main
// process on a Node stand-in here. Without a desktop it starts its own Xvfb; as root (where
// Chromium's sandbox cannot start) it passes --no-sandbox, and only then.
const ROOT = join(__dirname, '..')

/** The installed Electron executable, without triggering electron's download-on-require. */
function electronBinary(): string | undefined {
  const dir = join(ROOT, 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return undefined
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : undefined
}

const binary = electronBinary()
const NO_BINARY =
  'no Electron binary (node_modules/electron/dist): its download is unreachable from this machine'
test.skip(!binary, NO_BINARY)
if (!binary) console.log(`e2e/electron.spec.ts skipped: ${NO_BINARY}`)
test.describe.configure({ mode: 'serial' })

const SNIPPET = `export function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max)
}
`
const VARIANT = SNIPPET.replaceAll('value', 'input')
const HOTKEY_SNIPPET = `def slugify(text: str) -> str:
    return "-".join(part for part in text.lower().split() if part)
`

let app: ElectronApplication
let page: Page
let home: string
let display: Display | undefined

// Page-side code runs in the tray window; this project's Node tsconfig has no DOM types, hence casts.
type PageGlobals = {
  clipwise?: Record<string, (arg?: unknown) => Promise<unknown>>
  document: { hasFocus(): boolean }
  location: { href: string }
}

/** Calls `window.clipwise[method]` in the tray window. */
const call = <M extends keyof ClipwiseApi>(method: M, ...args: Parameters<ClipwiseApi[M]>) =>
  page.evaluate(([name, arg]) => (globalThis as unknown as PageGlobals).clipwise?.[name]?.(arg), [
    method,
    args[0],
  ] as const) as Promise<Awaited<ReturnType<ClipwiseApi[M]>>>
const state = () => call('getState')
const windowVisible = () =>
  app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible() ?? false)
const copy = (text: string) =>
  app.evaluate(({ clipboard }, value) => clipboard.writeText(value), text)
const readClipboard = () => app.evaluate(({ clipboard }) => clipboard.readText())
// Hooks that src/main/index.ts installs only in an unpackaged app run with CLIPWISE_E2E=1.
const clickTrayItem = (id: TrayAction) =>
  app.evaluate(
    (_electron, item) =>
      (globalThis as unknown as { clipwiseTest: TestHooks }).clipwiseTest.clickTrayItem(item),
    id,
  )
const pressHotkey = () =>
  app.evaluate(() =>
    (globalThis as unknown as { clipwiseTest: TestHooks }).clipwiseTest.pressHotkey(),
  )

async function waitForState(
  predicate: (state: AppState) => boolean,
  message: string,
): Promise<AppState> {
  let last: AppState | undefined
  await expect
    .poll(
      async () => {
        const current = await state()
        last = current
        return predicate(current)
      },
      { message, timeout: 20_000 },
    )
    .toBe(true)
  return last as AppState
}

test.beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    )
  }
  // A fresh home: settings, library and the embedded connector's data start empty.
  home = mkdtempSync(join(tmpdir(), 'clipwise-electron-'))
  display = process.platform === 'linux' ? await ensureDisplay() : undefined
  // Chromium's sandbox refuses to run as root; anyone else keeps it.
  const noSandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : []
  app = await electron.launch({
    executablePath: binary,
    args: [...noSandbox, ROOT, `--user-data-dir=${join(home, 'user-data')}`],
    env: {
      ...process.env,
      ...(display && { DISPLAY: display.display }),
      CLIPWISE_E2E: '1',
      CLIPWISE_DATA_DIR: join(home, 'clipwise'),
      HOME: home,
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CONFIG_HOME: join(home, 'config'),
      APPDATA: join(home, 'appdata'),
      LOCALAPPDATA: join(home, 'localappdata'),
    },
  })
  page = await app.firstWindow()
  await page.waitForLoadState('domcontentloaded')
})

test.afterAll(async () => {
  await app?.close()
  display?.stop()
  if (home) rmSync(home, { recursive: true, force: true })
})

test('the tray menu opens the window', async () => {
  expect(await windowVisible()).toBe(false)
  await clickTrayItem('show')
  await expect.poll(windowVisible).toBe(true)
})

test('the page has the bridge and nothing of Node', async () => {
  const globals = await page.evaluate(() => {
    const scope = globalThis as unknown as Record<string, unknown> & PageGlobals
    return {
      require: typeof scope.require,
      process: typeof scope.process,
      module: typeof scope.module,
      bridge: typeof (scope as PageGlobals).clipwise?.reuse,
    }
  })
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    bridge: 'function',
  })
})

test('onboarding is clicked through in the window', async () => {
  await expect(
    page.getByRole('heading', { name: 'Reuse the code you already wrote' }),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Start using Clipwise' }).click()
  await expect(page.getByRole('heading', { name: 'Copy some code' })).toBeVisible()
})

test('a copy shows a save suggestion without focusing the window', async () => {
  await waitForState((s) => s.connection.status === 'connected', 'the core connects to a connector')
  await call('hideWindow')
  await expect.poll(windowVisible).toBe(false)

  await copy(SNIPPET)
  const suggested = await waitForState(
    (s) => s.current?.text === SNIPPET && s.current.status === 'ready',
    'the copy reaches the window as a suggestion',
  )
  expect(suggested.current?.kind).toBe('save')
  await expect.poll(windowVisible).toBe(true)
  await expect(page.getByRole('heading', { name: 'New snippet worth keeping' })).toBeVisible()
  expect(
    await page.evaluate(() => (globalThis as unknown as PageGlobals).document.hasFocus()),
  ).toBe(false)
})

test('reuse writes the saved snippet to the clipboard', async () => {
  await page.getByRole('textbox', { name: 'Name' }).fill('clamp')
  await page.getByRole('button', { name: /^Save/ }).click()
  await expect(page.getByRole('heading', { name: 'Saved' })).toBeVisible()
  const saved = (await call('listLibrary')).find((item) => item.text === SNIPPET)
  if (!saved) throw new Error('the saved snippet is not in the library')
  await copy(VARIANT)
  const reuse = await waitForState(
    (s) =>
      s.current?.text === VARIANT && s.current.status === 'ready' && s.current.kind === 'reuse',
    'the variant is recognised as a saved snippet',
  )
  expect(reuse.current?.matches[0]?.assetId).toBe(saved.id)
  await call('reuse', { suggestionId: reuse.current?.id ?? '', assetId: saved.id })
  await expect.poll(readClipboard).toBe(SNIPPET)
})

test('the hotkey path saves the current clipboard', async () => {
  await copy(HOTKEY_SNIPPET)
  await pressHotkey()
  await expect
    .poll(async () => (await call('listLibrary')).some((item) => item.text === HOTKEY_SNIPPET))
    .toBe(true)
})

test('IPC from a foreign page is refused', async () => {
  // Navigation is denied, so a foreign page cannot be loaded into our window; a malformed payload
  // from our own page is refused by validation instead.
  const bad = { suggestionId: 's', assetId: 42 } as unknown as {
    suggestionId: string
    assetId: string
  }
  const error = await call('reuse', bad).then(
    () => 'accepted',
    (e: Error) => e.message,
  )
  expect(error).toMatch(/Invalid request for suggestion:reuse/)
  await page.evaluate(() => {
    ;(globalThis as unknown as PageGlobals).location.href = 'https://example.com/'
  })
  await page.waitForTimeout(300)
  expect(page.url()).toMatch(/^file:|^http:\/\/localhost/)
})
