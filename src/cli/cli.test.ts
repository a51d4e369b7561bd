import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  copyWithXclip as copyTo,
  missingTools,
  NODE_ARGS,
  startX11Session,
  until,
  type X11Session,
} from './test-support/x11-session'

// The CLI under Xvfb with the real X11 clipboard: xclip writes, `clipwise watch --json` prints,
// `clipwise save` stores in a real embedded connector.

const skipReason = missingTools(['Xvfb', 'xclip'], 'xvfb xclip')
if (skipReason) console.warn(`Skipping the CLI tests under X11: ${skipReason}`)

const SNIPPET =
  'export function clamp(value: number, min: number, max: number) {\n  return Math.min(max, Math.max(min, value))\n}\n'

const OTHER =
  'def chunked(items, size):\n    for start in range(0, len(items), size):\n        yield items[start:start + size]\n'

let session: X11Session
let connector: { url: string }
let env: NodeJS.ProcessEnv

const copyWithXclip = (text: string) => copyTo(env, text)

function clipwise(...args: string[]) {
  return spawnSync(process.execPath, [...NODE_ARGS, ...args], {
    env,
    encoding: 'utf8',
    timeout: 60_000, // TypeScript through tsx, on a machine others share
  })
}

describe.skipIf(skipReason !== '')('clipwise watch / save on the X11 clipboard', () => {
  beforeAll(async () => {
    session = await startX11Session()
    connector = session.connector
    env = session.env
  }, 60_000)

  const cleanups: (() => void)[] = []
  afterAll(async () => {
    for (const cleanup of cleanups) cleanup()
    await session?.stop()
  })

  // A test that timed out never reaches its `finally`: end the watch it left running.
  let watching: ReturnType<typeof spawn> | undefined
  afterEach(() => {
    if (watching?.exitCode === null && watching.signalCode === null) watching.kill('SIGKILL')
  })

  it('prints a suggestion per copy, saves the clipboard, and suggests reuse for the same snippet', async () => {
    const watch = spawn(
      process.execPath,
      [...NODE_ARGS, 'watch', '--json', '--connector', connector.url],
      { env },
    )
    watching = watch
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
        30_000,
        'watch to connect',
      )
      expect(stderr).toContain('X11 selection events (XFixes)')

      copyWithXclip(SNIPPET)
      const first = await until(
        () => lines()[0],
        30_000,
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
      const second = await until(() => lines()[1], 15_000, 'the second suggestion line')
      expect(second.reuse.suggested).toBe(true)
      expect(second.reuse.assets[0]).toMatchObject({ id, similarity: 1 })

      const again = await clipwise('save', '--connector', connector.url)
      expect(again.stdout.trim()).toBe(`already saved as ${id}`)
      expect(again.status).toBe(0)

      // A secret is neither suggested nor saved: the next line watch prints is the next copy's.
      copyWithXclip('GITHUB_TOKEN=ghp_Zq8vX2mN4bR7tY1uK9pL3sD6fG0hJ5wE8cA2')
      const refused = await clipwise('save', '--connector', connector.url)
      expect(refused.status).toBe(1)
      expect(refused.stderr).toMatch(/holds a secret/)
      copyWithXclip(OTHER)
      const third = await until(() => lines()[2], 15_000, 'the line after the secret')
      expect(third.text).toBe(OTHER)
    } finally {
      watch.kill('SIGTERM')
      await new Promise((resolve) => watch.once('exit', resolve))
    }
    expect(watch.exitCode).toBe(0)
  }, 90_000) // three `clipwise save` processes, each loading TypeScript through tsx

  it('exits non-zero with a clear message when the clipboard is empty; keeps the save when no connector answers', async () => {
    copyWithXclip('')
    const empty = await clipwise('save', '--connector', connector.url)
    expect(empty.status).toBe(1)
    expect(empty.stderr).toContain('The clipboard is empty')

    // The save queue lives in the data folder --data names.
    const dataDir = mkdtempSync(join(tmpdir(), 'clipwise-cli-data-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    copyWithXclip(SNIPPET)
    const nobody = await clipwise('save', '--connector', 'http://127.0.0.1:9', '--data', dataDir)
    expect(nobody.status).toBe(4)
    expect(readFileSync(join(dataDir, 'save-queue.json'), 'utf8')).toContain(
      JSON.stringify(SNIPPET).slice(1, -1),
    )
    expect(nobody.stderr).toMatch(
      /No connector can be reached: Cannot reach the connector at http:\/\/127\.0\.0\.1:9/,
    )
    expect(nobody.stderr).toMatch(/keeps this save and makes it as soon as one does/)

    // The next clipwise that reaches a connector makes the waiting save (once).
    copyWithXclip('')
    const later = await clipwise('save', '--connector', connector.url, '--data', dataDir)
    expect(later.status).toBe(1) // the clipboard is empty now: nothing new to save
    const assets = (await (await fetch(`${connector.url}/assets`)).json()) as {
      iterable: { formats: { iterable: { fragment?: { string?: { raw?: string } } }[] } }[]
    }
    const texts = assets.iterable.map((a) => a.formats.iterable[0]?.fragment?.string?.raw)
    expect(texts.filter((text) => text === SNIPPET)).toHaveLength(1)
  }, 90_000)
})
