import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The CLI under Xvfb with the real X11 clipboard: xclip writes, `clipwise watch --json` prints,
// `clipwise save` stores in a real embedded connector.

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0
const missing = ['Xvfb', 'xclip'].filter((tool) => !has(tool))
const skipReason =
  missing.length > 0 ? `needs ${missing.join(' and ')} (apt-get install xvfb xclip)` : ''
if (skipReason) console.warn(`Skipping the CLI tests under X11: ${skipReason}`)

const MAIN = join(__dirname, 'main.ts')
const NODE_ARGS = ['--disable-warning=ExperimentalWarning', '--import', 'tsx', MAIN]
const SNIPPET =
  'export function clamp(value: number, min: number, max: number) {\n  return Math.min(max, Math.max(min, value))\n}\n'

let xvfb: ChildProcess | undefined
let connectorProcess: ChildProcess | undefined
let connector: { url: string }
let root: string
let env: NodeJS.ProcessEnv

async function until<T>(
  probe: () => T | undefined,
  timeoutMs: number,
  what: string | (() => string),
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${typeof what === 'string' ? what : what()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

function copyWithXclip(text: string): void {
  // xclip forks a child that serves the selection: don't wait on its output pipes.
  const result = spawnSync('xclip', ['-selection', 'clipboard'], {
    input: text,
    env,
    stdio: ['pipe', 'ignore', 'ignore'],
  })
  expect(result.status).toBe(0)
}

function clipwise(...args: string[]) {
  return spawnSync(process.execPath, [...NODE_ARGS, ...args], {
    env,
    encoding: 'utf8',
    timeout: 20_000,
  })
}

describe.skipIf(skipReason !== '')('clipwise watch / save on the X11 clipboard', () => {
  beforeAll(async () => {
    const display = `:${100 + Math.floor(Math.random() * 800)}`
    xvfb = spawn('Xvfb', [display, '-nolisten', 'tcp'], { stdio: 'ignore' })
    await until(
      () => (existsSync(`/tmp/.X11-unix/X${display.slice(1)}`) ? true : undefined),
      5000,
      'Xvfb',
    )
    root = mkdtempSync(join(tmpdir(), 'clipwise-cli-'))
    // The connector runs as `clipwise connector` in its own process, as a user would run it.
    connectorProcess = spawn(process.execPath, [
      ...NODE_ARGS,
      'connector',
      '--port',
      '0',
      '--data',
      join(root, 'connector'),
    ])
    let announced = ''
    connectorProcess.stdout?.on('data', (chunk: Buffer) => (announced += chunk.toString()))
    const url = await until(
      () => /listening on (http:\/\/\S+)/.exec(announced)?.[1],
      15_000,
      'the connector',
    )
    connector = { url }
    env = { ...process.env, DISPLAY: display, CLIPWISE_DATA_DIR: join(root, 'app') }
    delete env.WAYLAND_DISPLAY
  })

  afterAll(async () => {
    connectorProcess?.kill('SIGTERM')
    xvfb?.kill()
    if (root) rmSync(root, { recursive: true, force: true })
  })

  it('prints a suggestion per copy, saves the clipboard, and suggests reuse for the same snippet', async () => {
    const watch = spawn(
      process.execPath,
      [...NODE_ARGS, 'watch', '--json', '--connector', connector.url],
      { env },
    )
    let stdout = ''
    let stderr = ''
    watch.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    watch.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const lines = () =>
      stdout
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line))
    try {
      await until(
        () => (stderr.includes(`Connected to ${connector.url}`) ? true : undefined),
        15_000,
        'watch to connect',
      )
      expect(stderr).toContain('X11 selection events (XFixes)')

      copyWithXclip(SNIPPET)
      const first = await until(
        () => lines()[0],
        15_000,
        () => `the first suggestion line; watch said: ${stderr}`,
      )
      expect(first).toEqual({
        type: 'suggestion',
        text: SNIPPET,
        reuse: { suggested: false, assets: [] },
        save: { suggested: true },
      })

      const saved = await clipwise('save', '--connector', connector.url)
      expect(saved.stderr).toBe('')
      expect(saved.status).toBe(0)
      const id = saved.stdout.trim()
      const assets = (await (await fetch(`${connector.url}/assets`)).json()) as {
        iterable: { id: string }[]
      }
      expect(assets.iterable.map((asset) => asset.id)).toEqual([id])

      copyWithXclip(SNIPPET)
      const second = await until(() => lines()[1], 5000, 'the second suggestion line')
      expect(second.reuse.suggested).toBe(true)
      expect(second.reuse.assets[0]).toMatchObject({ id, similarity: 1 })

      const again = await clipwise('save', '--connector', connector.url)
      expect(again.stdout.trim()).toBe(`already saved as ${id}`)
      expect(again.status).toBe(0)

      // A secret is neither suggested nor saved.
      copyWithXclip('GITHUB_TOKEN=ghp_Zq8vX2mN4bR7tY1uK9pL3sD6fG0hJ5wE8cA2')
      const refused = await clipwise('save', '--connector', connector.url)
      expect(refused.status).toBe(1)
      expect(refused.stderr).toMatch(/looks like a secret/)
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(lines()).toHaveLength(2)
    } finally {
      watch.kill('SIGTERM')
      await new Promise((resolve) => watch.once('exit', resolve))
    }
    expect(watch.exitCode).toBe(0)
  })

  it('exits non-zero with a clear message when the clipboard is empty or no connector answers', async () => {
    copyWithXclip('')
    const empty = await clipwise('save', '--connector', connector.url)
    expect(empty.status).toBe(1)
    expect(empty.stderr).toContain('The clipboard is empty')

    copyWithXclip(SNIPPET)
    const nobody = await clipwise('save', '--connector', 'http://127.0.0.1:9')
    expect(nobody.status).toBe(3)
    expect(nobody.stderr).toMatch(
      /No connector can be reached: Cannot reach the connector at http:\/\/127\.0\.0\.1:9/,
    )
  })
})
