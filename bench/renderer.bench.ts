// The tray window's weight and speed: first-paint and total bundle size of the built renderer,
// and the time from navigation to the first suggestion on screen in Debian's Chromium. Prints
// figures; never fails on them. `CLIPWISE_BENCH_SKIP_BUILD=1` reuses out/renderer; `LOADS=n`.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumPath, WINDOW_SIZE } from '../e2e/support/chromium'
import { buildApp } from '../e2e/support/build-app'
import { serveFolder } from '../e2e/support/static-server'
import { DEFAULT_SETTINGS } from '../src/shared/default-settings'

const ROOT = join(__dirname, '..')
const OUT = join(ROOT, 'out', 'renderer')
const LOADS = Number(process.env.LOADS ?? 30)

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`
}

function sizes() {
  const html = readFileSync(join(OUT, 'index.html'), 'utf8')
  // What the page fetches before first paint: the entry script, its preloads and the stylesheet.
  const first = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1] ?? '')
  const entry = first.find((file) => file.endsWith('.js'))
  if (entry) {
    const code = readFileSync(join(OUT, entry), 'utf8')
    for (const m of code.matchAll(/^import\s*(?:[^'"]*from\s*)?"\.\/([^"]+\.js)"/gm)) {
      first.push(`assets/${m[1]}`)
    }
  }
  const all = readdirSync(join(OUT, 'assets')).map((file) => `assets/${file}`)
  const measure = (files: string[]) =>
    files.reduce(
      (sum, file) => {
        const bytes = readFileSync(join(OUT, file))
        return { raw: sum.raw + bytes.length, gzip: sum.gzip + gzipSync(bytes).length }
      },
      { raw: 0, gzip: 0 },
    )
  return { first: measure([...new Set(first)]), all: measure(all), count: all.length, files: first }
}

const STATE = {
  connection: {
    status: 'connected',
    queued: 0,
    target: { url: 'x', kind: 'embedded', reason: 'bench' },
  },
  current: {
    id: 'c1',
    text: 'export const add = (a: number, b: number) => a + b\n',
    copiedAt: new Date().toISOString(),
    status: 'ready',
    kind: 'reuse',
    matches: [
      {
        assetId: 'a1',
        name: 'add',
        language: 'ts',
        similarity: 0.96,
        text: 'export const add = (x: number, y: number) => x + y\n',
        savedAt: new Date().toISOString(),
        reuseCount: 4,
      },
    ],
    draft: { name: 'add', language: 'ts', tags: [] },
  },
  activity: [],
  settings: DEFAULT_SETTINGS,
  onboarded: true,
  hotkey: { accelerator: 'CommandOrControl+Shift+S', registered: true },
  notices: [],
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

async function main() {
  if (process.env.CLIPWISE_BENCH_SKIP_BUILD !== '1') {
    buildApp(ROOT)
  }
  const size = sizes()
  console.log(
    `renderer first paint: ${kib(size.first.raw)} (${kib(size.first.gzip)} gzip) in ${size.files.length} files`,
  )
  console.log(
    `renderer total:       ${kib(size.all.raw)} (${kib(size.all.gzip)} gzip) in ${size.count} files`,
  )

  const executablePath = chromiumPath()
  if (!executablePath) {
    console.log('time to first suggestion: skipped (no Chromium; apt-get install chromium)')
    return
  }
  const server = await serveFolder(OUT)
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  const times: number[] = []
  try {
    for (let i = 0; i < LOADS + 2; i++) {
      const context = await browser.newContext({ viewport: WINDOW_SIZE })
      const page = await context.newPage()
      // An in-page bridge answering at once, so the figure is the renderer's own cost.
      // A string, not a function: tsx would wrap a function with helpers the page lacks.
      await page.addInitScript(`
        const state = ${JSON.stringify(STATE)};
        Object.defineProperty(window, 'clipwise', { value: {
          getState: async () => state,
          onState: () => () => {},
          listLibrary: async () => [],
          getUsageStats: async () => ({}),
          hideWindow: async () => {},
        } });`)
      await page.goto(server.url)
      await page.getByRole('option', { name: /add/ }).waitFor()
      const ms = await page.evaluate(() => {
        const shown = document.querySelector('[role="option"]')
        return shown ? performance.now() : NaN
      })
      if (i >= 2) times.push(ms) // the first loads warm the HTTP server and the disk cache
      await context.close()
    }
  } finally {
    await browser.close()
    await server.close()
  }
  const median = percentile(times, 50)
  console.log(
    `time to first suggestion (navigation start → match on screen, ${times.length} loads): ` +
      `median ${median.toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms`,
  )
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
