// `npm run bench -- slow-connector`: the core with a connector whose /suggestion answers take 2 s
// (a real embedded connector behind a proxy that holds each answer). Copies come in bursts, 400 ms
// apart, as a person copies; the figures say how long after its copy the newest copy's suggestion
// shows (target: the delay + ≤ 50 ms) and how many copies were read when they were made. A run
// with no delay, in the same process, is the baseline. Prints figures; never fails on time.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startConnector } from '../src/connector/server'
import { createCompanion, createMemoryClipboard, type ClipboardPort } from '../src/core'
import { startConnectorProxy } from '../src/core/test-support/connector-proxy'
import type { AppState } from '../src/shared/domain'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8)
const BURST = 3
const GAP_MS = 400
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function snippet(round: number, i: number): string {
  return `export function step${round}_${i}(values: number[]) {\n  return values.map((v) => v * ${i + 2} + ${round})\n}\n`
}

/** A clipboard that tells the watcher about each copy at once, as XFixes does on X11. */
function pushedClipboard() {
  const memory = createMemoryClipboard()
  const listeners = new Set<() => void>()
  const port: ClipboardPort = {
    ...memory,
    watch(onChange) {
      listeners.add(onChange)
      return () => listeners.delete(onChange)
    },
  }
  const copy = (text: string) => {
    memory.copy(text)
    for (const listener of listeners) listener()
  }
  return { port, copy }
}

async function run(delayMs: number) {
  const root = mkdtempSync(join(tmpdir(), 'clipwise-bench-slow-'))
  const connector = await startConnector({ port: 0, dataDir: join(root, 'connector') })
  const proxy = await startConnectorProxy(() => connector.url)
  proxy.rules.beforeAnswer = (_method, path) =>
    path.endsWith('/suggestion') ? sleep(delayMs) : undefined
  const clipboard = pushedClipboard()
  const companion = createCompanion({
    clipboard: clipboard.port,
    dataDir: join(root, 'app'),
    appVersion: '0.0.0-bench',
    platform: process.platform,
    connectorUrl: proxy.url,
    startEmbeddedConnector: () => Promise.reject(new Error('not used')),
  })
  const seenAt = new Map<string, number>() // text → when it became the copy on screen
  const readyAt = new Map<string, number>() // text → when its suggestion showed
  companion.subscribe((state: AppState) => {
    const current = state.current
    if (!current) return
    if (!seenAt.has(current.text)) seenAt.set(current.text, performance.now())
    if (current.status === 'ready' && !readyAt.has(current.text)) {
      readyAt.set(current.text, performance.now())
    }
  })
  await companion.start()
  const newest: number[] = []
  const read: number[] = []
  let copies = 0
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const copiedAt = new Map<string, number>()
      for (let i = 0; i < BURST; i++) {
        const text = snippet(round, i)
        copiedAt.set(text, performance.now())
        clipboard.copy(text)
        copies++
        if (i < BURST - 1) await sleep(GAP_MS)
      }
      const last = snippet(round, BURST - 1)
      const deadline = performance.now() + delayMs + 10_000
      while (!readyAt.has(last) && performance.now() < deadline) await sleep(2)
      newest.push((readyAt.get(last) ?? NaN) - (copiedAt.get(last) ?? NaN))
      for (const [text, at] of copiedAt) {
        if (seenAt.has(text)) read.push((seenAt.get(text) ?? NaN) - at)
      }
      await companion.idle()
      await sleep(delayMs + 100) // let the older copies' held answers drain
    }
  } finally {
    await companion.stop()
    await proxy.close()
    await connector.close()
    rmSync(root, { recursive: true, force: true })
  }
  return { newest, read, copies }
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return { median: at(0.5) ?? NaN, p99: at(0.99) ?? NaN }
}

async function main() {
  const baseline = await run(0)
  const slowed = await run(2000)
  const ms = (value: number) => `${value.toFixed(0)} ms`
  const line = (label: string, values: number[], minus = 0) => {
    const { median, p99 } = stats(values.map((v) => v - minus))
    return `${label}: median ${ms(median)}, p99 ${ms(p99)} (n=${values.length})`
  }
  console.log(
    `slow-connector bench: ${ROUNDS} bursts of ${BURST} copies ${GAP_MS} ms apart, /suggestion delayed 2000 ms`,
  )
  console.log(`  copies read: ${slowed.read.length} of ${slowed.copies}`)
  console.log(`  ${line('copy → on screen (read)', slowed.read)}`)
  console.log(`  ${line('newest copy → its suggestion', slowed.newest)}`)
  console.log(`  ${line('  … over the 2000 ms delay', slowed.newest, 2000)}  (target ≤ 50 ms)`)
  console.log(`  baseline, no delay: ${line('newest copy → its suggestion', baseline.newest)}`)
  const ratio = stats(slowed.newest).median / (2000 + stats(baseline.newest).median)
  console.log(`  ratio to delay + baseline median: ${ratio.toFixed(3)}`)
}

void main()
