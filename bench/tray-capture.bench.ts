// `npm run bench:tray-capture`: the tray app's clipboard watcher on X11 (the core's watcher over
// XFixes selection events, src/front-ends/selection-port.ts) beside the tray's former way,
// polling every 250 ms, both under Xvfb in this process. Electron cannot start here, so xclip
// reads the clipboard in place of Electron's in-process read: it costs more CPU per read than
// Electron would, so the polling figures are an upper bound. Prints copy → read latency and idle
// CPU (this process plus the xclip children it ran); never fails on time.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createClipboardWatcher, systemClock, type ClipboardPort } from '../src/core'
import { withSelectionEvents } from '../src/front-ends/selection-port'
import { startXvfb } from '../src/front-ends/test-support/x11'
import { watchSelection } from '../src/front-ends/x11-selection-events'

const COPIES = 20
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 10)
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** CPU seconds of this process and of the children it has waited for (xclip). */
function cpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? []
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) / CLK_TCK
}

function xclipRead(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn('xclip', ['-o', '-selection', 'clipboard'], { env })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('close', (code) => resolve(code === 0 ? out : undefined))
    child.on('error', () => resolve(undefined))
  })
}

function copy(text: string, env: NodeJS.ProcessEnv): void {
  const xclip = spawn('xclip', ['-selection', 'clipboard'], {
    env,
    stdio: ['pipe', 'ignore', 'ignore'],
  })
  xclip.stdin.end(text)
}

async function measure(mode: 'events' | 'polling', display: string) {
  const env = { ...process.env, DISPLAY: display }
  const reader: ClipboardPort = {
    formats: async () => ['UTF8_STRING'],
    readFormat: async () => undefined,
    readText: () => xclipRead(env),
    writeText: async (text) => copy(text, env),
  }
  const events = mode === 'events' ? await watchSelection(display) : undefined
  const seen = new Map<string, number>()
  const watcher = createClipboardWatcher({
    clipboard: events ? withSelectionEvents(reader, events) : reader,
    clock: systemClock(),
    intervalMs: 250,
    onCopy: (candidate) => {
      if (candidate.text && !seen.has(candidate.text)) seen.set(candidate.text, performance.now())
    },
  })
  await watcher.start()
  const latencies: number[] = []
  try {
    await sleep(300)
    for (let i = 0; i < COPIES; i++) {
      const text = `export const step${mode}${i} = (v: number) => v * ${i + 2}\n`
      const started = performance.now()
      copy(text, env)
      const deadline = started + 5000
      while (!seen.has(text) && performance.now() < deadline) await sleep(2)
      latencies.push((seen.get(text) ?? NaN) - started)
      await sleep(150)
    }
    await sleep(500)
    const before = cpuSeconds()
    await sleep(IDLE_SECONDS * 1000)
    const idleCpu = ((cpuSeconds() - before) / IDLE_SECONDS) * 100
    return { latencies, idleCpu }
  } finally {
    watcher.stop()
    events?.close()
  }
}

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
  return `median ${at(0.5).toFixed(0)} ms, p99 ${at(0.99).toFixed(0)} ms (n=${sorted.length})`
}

async function main() {
  const missing = ['Xvfb', 'xclip'].filter(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
  )
  if (missing.length > 0) {
    console.log(
      `tray capture bench skipped: needs ${missing.join(', ')} (apt-get install xvfb xclip)`,
    )
    return
  }
  const xvfb = await startXvfb()
  try {
    const events = await measure('events', xvfb.display)
    const polling = await measure('polling', xvfb.display)
    console.log(
      `tray capture bench (${COPIES} copies, idle CPU over ${IDLE_SECONDS} s, Xvfb ${xvfb.display})`,
    )
    console.log('  tray watcher on XFixes selection events (now)')
    console.log(`    copy → read: ${summary(events.latencies)}`)
    console.log(`    idle CPU: ${events.idleCpu.toFixed(2)}% of a core`)
    console.log('  tray watcher polling every 250 ms (before), reading with xclip')
    console.log(`    copy → read: ${summary(polling.latencies)}`)
    console.log(
      `    idle CPU: ${polling.idleCpu.toFixed(2)}% of a core (upper bound: Electron reads in-process)`,
    )
    const median = (values: number[]) =>
      [...values].sort((x, y) => x - y)[values.length >> 1] ?? NaN
    const ratio = (a: number[], b: number[]) => median(a) / median(b)
    console.log(
      `  latency ratio events / polling (medians): ${ratio(events.latencies, polling.latencies).toFixed(2)}`,
    )
  } finally {
    await xvfb.stop()
  }
}

void main()
