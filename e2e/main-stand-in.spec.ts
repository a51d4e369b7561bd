import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import type { runApp as RunApp } from '../src/main/app'
import {
  createElectronStandIn,
  type ElectronStandIn,
} from '../src/main/test-support/electron-stand-in'
import type { AppState } from '../src/shared/domain'
import { CHROMIUM_ARGS, chromiumPath, NO_CHROMIUM } from './support/chromium'
import { SNIPPET } from './support/snippets'

// The built main process (out/main/app.js, the same code index.js hands Electron to) run under
// Node on the Electron stand-in of src/main/test-support/electron-stand-in: its tray, its window
// (the built renderer in Debian's Chromium, with the built preload's bridge), its IPC, its hotkey
// and its connector process (out/main/connector-process.js in a Node child). One session in order.
// Slow starts on a loaded 2-core machine (discovery, then the connector process) get room.
test.describe.configure({ mode: 'serial', timeout: 120_000 })
const chromium = chromiumPath()
test.skip(!chromium, NO_CHROMIUM)

const ROOT = join(__dirname, '..')
const HOTKEY = 'CommandOrControl+Shift+S'
const HOTKEY_SNIPPET = `def slugify(text: str) -> str:
    return "-".join(part for part in text.lower().split() if part)
`

interface WireAsset {
  id: string
  name: string
  formats: { iterable: { fragment?: { string?: { raw?: string } } }[] }
}

let standIn: ElectronStandIn
let page: Page
let home: string
/** The worker's environment before this file changed it (later spec files share the worker). */
const savedEnv = { ...process.env }

type PageScope = { clipwise?: { getState(): Promise<AppState> } }
const state = () => page.evaluate(() => (globalThis as unknown as PageScope).clipwise?.getState())

/** The embedded connector's URL, as the core reports it. */
async function connectorUrl(): Promise<string> {
  const url = (await state())?.connection.target?.url
  if (!url) throw new Error('no connector yet')
  return url
}

/** Every asset the connector holds, with its text: what a user's library contains. */
async function assetsInConnector(): Promise<{ name: string; text: string }[]> {
  const response = await fetch(`${await connectorUrl()}/assets`)
  const body = (await response.json()) as { iterable: WireAsset[] }
  return body.iterable.map((asset) => ({
    name: asset.name,
    text: asset.formats.iterable.map((format) => format.fragment?.string?.raw ?? '').join(''),
  }))
}

const tray = () => {
  const first = standIn.trays[0]
  if (!first) throw new Error('the app made no tray icon')
  return first
}
const trayWindow = () => {
  const first = standIn.windows[0]
  if (!first) throw new Error('the app made no window')
  return first
}
const clickTrayItem = (id: string) => tray().menu?.getMenuItemById(id)?.click()
const alive = (pid: number | undefined) => {
  if (pid === undefined) return false
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

test.beforeAll(async () => {
  if (process.env.CLIPWISE_E2E_SKIP_BUILD !== '1' || !existsSync(join(ROOT, 'out/main/app.js'))) {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    )
  }
  // A fresh home: settings, library and the embedded connector's data start empty; no display,
  // so the clipboard is the stand-in's (polled) and not this machine's X selection.
  home = mkdtempSync(join(tmpdir(), 'clipwise-stand-in-'))
  Object.assign(process.env, {
    CLIPWISE_E2E: '1',
    CLIPWISE_DATA_DIR: join(home, 'clipwise'),
    HOME: home,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CONFIG_HOME: join(home, 'config'),
  })
  delete process.env.DISPLAY
  delete process.env.WAYLAND_DISPLAY
  delete process.env.ELECTRON_RENDERER_URL
  standIn = createElectronStandIn({
    appPath: ROOT,
    chromiumPath: chromium ?? '',
    chromiumArgs: CHROMIUM_ARGS,
  })
  const { runApp } = createRequire(__filename)(join(ROOT, 'out/main/app.js')) as {
    runApp: typeof RunApp
  }
  runApp(standIn.desktop)
  await expect.poll(() => standIn.windows.length).toBe(1)
  page = await trayWindow().page
})

test.afterAll(async () => {
  if (standIn && !standIn.children.every((child) => child.exited)) {
    standIn.app.quit()
    await standIn.app.whenQuit()
  }
  if (home) rmSync(home, { recursive: true, force: true })
  for (const key of Object.keys(process.env)) {
    if (!(key in savedEnv)) Reflect.deleteProperty(process.env, key)
  }
  Object.assign(process.env, savedEnv)
})

test('it starts sandboxed, with one tray icon whose menu shows the status and every action', async () => {
  expect(standIn.app.sandboxed).toBe(true)
  expect(standIn.trays).toHaveLength(1)
  await expect.poll(() => tray().menuLabels()[0], { timeout: 45_000 }).toBe('Clipwise — Watching')
  expect(tray().menuLabels()).toEqual([
    'Clipwise — Watching',
    '—',
    'Show Clipwise',
    'Save clipboard now',
    'Pause watching',
    '—',
    'Settings…',
    'Quit Clipwise',
  ])
  expect(tray().toolTip).toBe('Clipwise — Watching')
  expect(tray().menu?.getMenuItemById('save-now')?.accelerator).toBe(HOTKEY)
})

test('"Show Clipwise" opens the window on the real page, with the bridge and nothing of Node', async () => {
  const window = trayWindow()
  expect(window.isVisible()).toBe(false)
  clickTrayItem('show')
  expect(window.isVisible()).toBe(true)
  await expect(
    page.getByRole('heading', { name: 'Reuse the code you already wrote' }),
  ).toBeVisible()
  const globals = await page.evaluate(() => {
    const scope = globalThis as unknown as Record<string, unknown>
    return {
      require: typeof scope.require,
      process: typeof scope.process,
      bridge: typeof scope.clipwise,
    }
  })
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: 'object' })
})

test('clicks in the window reach main over IPC: onboarding, then a copied snippet saved to the connector', async () => {
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Start using Clipwise' }).click()
  await expect(page.getByRole('heading', { name: 'Copy some code' })).toBeVisible()

  await standIn.clipboard.writeText(SNIPPET)
  await expect(page.getByRole('heading', { name: 'New snippet worth keeping' })).toBeVisible({
    timeout: 45_000,
  })
  await page.getByRole('textbox', { name: 'Name' }).fill('Debounce helper')
  await page.getByRole('button', { name: /^Save/ }).click()
  await expect(page.getByRole('heading', { name: 'Saved' })).toBeVisible()
  expect(await assetsInConnector()).toContainEqual({ name: 'Debounce helper', text: SNIPPET })
})

test('errors cross IPC with their stable code: a stale action, and a frame that is not ours', async () => {
  type Failure = { code?: string; message?: string } | string
  const stale = await page.evaluate(async () => {
    const api = (globalThis as unknown as { clipwise: { dismiss(r: object): Promise<unknown> } })
      .clipwise
    return api.dismiss({ suggestionId: 'long-gone' }).then(
      () => 'answered',
      (error: { code?: string; message?: string }) => ({
        code: error.code,
        message: error.message,
      }),
    )
  })
  expect(stale).toMatchObject({ code: 'STALE_SUGGESTION' } satisfies Failure)

  const foreign = await page.evaluate(async () => {
    const frame = document.createElement('iframe')
    document.body.append(frame)
    const child = frame.contentWindow as unknown as PageScope
    return (child.clipwise?.getState() ?? Promise.resolve()).then(
      () => 'answered',
      (error: { code?: string; message?: string }) => ({
        code: error.code,
        message: error.message,
      }),
    )
  })
  expect(foreign).toEqual({
    code: 'UNTRUSTED_SENDER',
    message: 'Refused state:get: the sender is a subframe.',
  } satisfies Failure)
})

test('the window stays on Clipwise: navigation, new windows and foreign requests never leave the page', async () => {
  // A page of someone else's on loopback, counting who reaches it.
  const hits: string[] = []
  const server = createServer((request, response) => {
    hits.push(request.url ?? '')
    response.end('<title>elsewhere</title>')
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const elsewhere = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  try {
    const home = page.url()
    const { contents } = trayWindow()
    await page.evaluate((url) => {
      const link = document.createElement('a')
      link.href = `${url}/link`
      document.body.append(link)
      link.click()
    }, elsewhere)
    await expect
      .poll(() => contents.refused)
      .toContainEqual({
        kind: 'navigation',
        url: `${elsewhere}/link`,
      })
    await page.evaluate((url) => void globalThis.open(`${url}/popup`), elsewhere)
    await expect
      .poll(() => contents.refused)
      .toContainEqual({
        kind: 'new-window',
        url: `${elsewhere}/popup`,
      })
    // The page's own policy (default-src and script-src 'self') stops what gets past the
    // handlers: a fetch (refused before it leaves: the server below counts no hit) and an inline
    // script put in by hand, in the page that stayed.
    const fetched = await page.evaluate(
      (url) =>
        fetch(`${url}/fetch`).then(
          () => 'fetched',
          () => 'refused',
        ),
      elsewhere,
    )
    expect(fetched).toBe('refused')
    const ran = await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'document.body.dataset.injected = "yes"'
      document.body.append(script)
      return document.body.dataset.injected ?? 'no'
    })
    expect(ran).toBe('no')
    expect(page.url()).toBe(home)
    await expect.poll(() => page.context().pages()).toEqual([page])
    await expect(page.getByRole('heading', { name: 'Saved' })).toBeVisible()
    expect(hits).toEqual([])
  } finally {
    server.close()
  }
})

test('the global hotkey saves what is on the clipboard', async () => {
  expect(standIn.globalShortcut.registered()).toEqual([HOTKEY])
  await standIn.clipboard.writeText(HOTKEY_SNIPPET)
  expect(standIn.globalShortcut.press(HOTKEY)).toBe(true)
  await expect
    .poll(async () => (await assetsInConnector()).map((asset) => asset.text))
    .toContain(HOTKEY_SNIPPET)
})

test('the connector runs in its own process, comes back when killed, and goes when the app quits', async () => {
  const [first] = standIn.children
  expect(standIn.children).toHaveLength(1)
  const firstPid = first?.pid
  expect(alive(firstPid)).toBe(true)
  if (firstPid === undefined) throw new Error('the connector process has no pid')
  process.kill(firstPid, 'SIGKILL')
  await expect.poll(() => standIn.children.length, { timeout: 45_000 }).toBe(2)
  await expect.poll(() => tray().menuLabels()[0], { timeout: 45_000 }).toBe('Clipwise — Watching')
  // The library survived: the new process serves what the old one stored.
  expect((await assetsInConnector()).map((asset) => asset.text)).toContain(HOTKEY_SNIPPET)
  const secondPid = standIn.children[1]?.pid

  clickTrayItem('quit')
  await standIn.app.whenQuit()
  expect(standIn.children.every((child) => child.exited)).toBe(true)
  expect([alive(firstPid), alive(secondPid)]).toEqual([false, false])
  expect(standIn.globalShortcut.registered()).toEqual([])
})
