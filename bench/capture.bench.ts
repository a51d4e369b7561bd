// `npm run bench:capture`: copy → suggestion latency and idle CPU of `clipwise watch` next to
// CopyQ, both on the same Xvfb display in the same run. Prints figures; never fails on time.
//
// Clipwise: time from starting `xclip` to the `--json` suggestion line on stdout (a full round
// trip: X event, xclip reads, filter, /suggestion on the embedded connector).
// CopyQ: time from starting `xclip` to CopyQ's automatic command (run on every clipboard change)
// appending a timestamp; that includes spawning `sh` and `date`, a few milliseconds.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const COPIES = 20
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 30)
const MAIN = join(__dirname, '..', 'src', 'cli', 'main.ts')
const NODE_ARGS = ['--disable-warning=ExperimentalWarning', '--import', 'tsx', MAIN]
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await sleep(5)
  }
}

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK
}

async function idleCpuPercent(pid: number): Promise<number> {
  const before = cpuSeconds(pid)
  await sleep(IDLE_SECONDS * 1000)
  return ((cpuSeconds(pid) - before) / IDLE_SECONDS) * 100
}

function copy(text: string, env: NodeJS.ProcessEnv): void {
  // Async spawn: the event loop keeps reading the watcher's stdout while xclip runs.
  const xclip = spawn('xclip', ['-selection', 'clipboard'], {
    env,
    stdio: ['pipe', 'ignore', 'ignore'],
  })
  xclip.stdin.end(text)
}

function snippet(i: number): string {
  return `export function step${i}(values: number[]) {\n  return values.map((v) => v * ${i + 2} + ${i})\n}\n`
}

function summary(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN
  return `median ${median.toFixed(0)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(0)} ms (n=${sorted.length})`
}

async function benchClipwise(env: NodeJS.ProcessEnv, root: string) {
  const connector = spawn(
    process.execPath,
    [...NODE_ARGS, 'connector', '--port', '0', '--data', join(root, 'connector')],
    { env },
  )
  let announced = ''
  connector.stdout.on('data', (chunk: Buffer) => (announced += chunk.toString()))
  const url = await until(() => /listening on (\S+)/.exec(announced)?.[1], 30_000, 'the connector')
  const watch = spawn(process.execPath, [...NODE_ARGS, 'watch', '--json', '--connector', url], {
    env: { ...env, CLIPWISE_DATA_DIR: join(root, 'app') },
  })
  const lines: { at: number; text: string }[] = []
  let buffer = ''
  let status = ''
  watch.stderr.on('data', (chunk: Buffer) => (status += chunk.toString()))
  watch.stdout.on('data', (chunk: Buffer) => {
    const at = Date.now()
    buffer += chunk.toString()
    let newline
    while ((newline = buffer.indexOf('\n')) >= 0) {
      lines.push({ at, text: (JSON.parse(buffer.slice(0, newline)) as { text: string }).text })
      buffer = buffer.slice(newline + 1)
    }
  })
  try {
    await until(
      () => (status.includes('Connected to') ? true : undefined),
      30_000,
      'clipwise watch',
    )
    await sleep(500)
    const latencies: number[] = []
    for (let i = 0; i < COPIES; i++) {
      const text = snippet(i)
      const started = Date.now()
      copy(text, env)
      const line = await until(() => lines.find((l) => l.text === text), 10_000, `suggestion ${i}`)
      latencies.push(line.at - started)
      await sleep(300)
    }
    await sleep(1000)
    const [watchCpu, connectorCpu] = await Promise.all([
      idleCpuPercent(watch.pid as number),
      idleCpuPercent(connector.pid as number),
    ])
    return { latencies, watchCpu, connectorCpu, mode: /through (.+?)\. /.exec(status)?.[1] ?? '?' }
  } finally {
    watch.kill('SIGTERM')
    connector.kill('SIGTERM')
  }
}

async function benchCopyq(env: NodeJS.ProcessEnv, root: string) {
  const log = join(root, 'copyq.log')
  const copyqEnv = { ...env, XDG_CONFIG_HOME: join(root, 'copyq-config'), QT_QPA_PLATFORM: 'xcb' }
  const copyq: ChildProcess = spawn('copyq', [], { env: copyqEnv, stdio: 'ignore' })
  try {
    await sleep(2000)
    const command = `copyq: execute("sh", "-c", "date +%s%3N >> ${log}")`
    // CopyQ's script engine takes the command as a single-quoted literal (as in its own docs).
    const script = `setCommands(commands().concat([{name: 'bench', automatic: true, cmd: '${command}'}]))`
    const added = spawnSync('copyq', ['eval', script], {
      env: copyqEnv,
      encoding: 'utf8',
      timeout: 10_000,
    })
    if (added.status !== 0) throw new Error(`copyq eval failed: ${added.stderr}`)
    await sleep(500)
    const stamps = () =>
      existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map(Number) : []
    const latencies: number[] = []
    for (let i = 0; i < COPIES; i++) {
      const seen = stamps().length
      const started = Date.now()
      copy(`copyq ${snippet(i)}`, env)
      const stamp = await until(() => stamps()[seen], 10_000, `CopyQ copy ${i}`)
      latencies.push(stamp - started)
      await sleep(300)
    }
    await sleep(1000)
    return { latencies, cpu: await idleCpuPercent(copyq.pid as number) }
  } finally {
    // CopyQ writes its configuration as it quits: wait, so the folder can go after it.
    const gone = copyq.exitCode === null ? once(copyq, 'exit') : Promise.resolve()
    copyq.kill('SIGTERM')
    await Promise.race([gone, sleep(5000)])
  }
}

async function main(): Promise<void> {
  const missing = ['Xvfb', 'xclip', 'copyq'].filter(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
  )
  if (missing.length > 0) {
    console.log(
      `capture bench skipped: needs ${missing.join(', ')} (apt-get install xvfb xclip copyq)`,
    )
    return
  }
  const displayNumber = 100 + Math.floor(Math.random() * 800)
  const xvfb = spawn('Xvfb', [`:${displayNumber}`, '-nolisten', 'tcp'], { stdio: 'ignore' })
  const root = mkdtempSync(join(tmpdir(), 'clipwise-bench-'))
  try {
    await until(
      () => (existsSync(`/tmp/.X11-unix/X${displayNumber}`) ? true : undefined),
      5000,
      'Xvfb',
    )
    const env: NodeJS.ProcessEnv = { ...process.env, DISPLAY: `:${displayNumber}` }
    delete env.WAYLAND_DISPLAY
    const clipwise = await benchClipwise(env, root)
    const copyq = await benchCopyq(env, root)
    console.log(
      `capture bench (${COPIES} copies, idle CPU over ${IDLE_SECONDS} s, Xvfb :${displayNumber})`,
    )
    console.log(`  clipwise watch (${clipwise.mode})`)
    console.log(`    copy → suggestion line: ${summary(clipwise.latencies)}`)
    console.log(
      `    idle CPU: ${clipwise.watchCpu.toFixed(2)}% of a core (embedded connector process: ${clipwise.connectorCpu.toFixed(2)}%)`,
    )
    console.log('  CopyQ (automatic command on clipboard change)')
    console.log(`    copy → noticed: ${summary(copyq.latencies)}`)
    console.log(`    idle CPU: ${copyq.cpu.toFixed(2)}% of a core`)
  } finally {
    xvfb.kill()
    rmSync(root, { recursive: true, force: true, maxRetries: 5 })
  }
}

void main()
