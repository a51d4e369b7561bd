import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  copyWithXclip,
  missingTools,
  NODE_ARGS,
  readClipboard,
  startX11Session,
  until,
  type X11Session,
} from './test-support/x11-session'

// `clipwise watch` without --json, as a person runs it in a terminal: readable lines and the
// single keys r / s / d. Keys are read in raw mode, which needs a terminal, so watch runs inside a
// pseudo-terminal made by util-linux `script`; the clipboard is the real X11 one under Xvfb.

const skipReason = missingTools(['Xvfb', 'xclip', 'script'], 'xvfb xclip bsdutils')
if (skipReason) console.warn(`Skipping the watch key tests: ${skipReason}`)

const SNIPPET =
  'export function clamp(value: number, min: number, max: number) {\n  return Math.min(max, Math.max(min, value))\n}\n'
const REINDENTED =
  'export function clamp(value: number, min: number, max: number) {\n        return Math.min(max, Math.max(min, value))\n}\n'
const OTHER =
  'const retryDelays = [100, 200, 400, 800]\nfor (const delay of retryDelays) {\n  await sleep(delay)\n}\n'

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`

const running = new Set<ChildProcessWithoutNullStreams>()
// A test that timed out never reaches its `finally`: end what it left running here.
afterEach(async () => {
  for (const child of running) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    if (child.pid) process.kill(-child.pid, 'SIGTERM')
    await exited
  }
})

interface Terminal {
  /** Everything watch wrote (stdout and stderr share the terminal), without carriage returns. */
  output(): string
  press(key: string): void
  /** Waits for `pattern` in what watch wrote after `from` (a length of output()). */
  waitFor(pattern: RegExp, from: number): Promise<RegExpExecArray>
  exited: Promise<number | null>
  child: ChildProcessWithoutNullStreams
}

function watchInTerminal(env: NodeJS.ProcessEnv, connectorUrl: string): Terminal {
  const command = [process.execPath, ...NODE_ARGS, 'watch', '--connector', connectorUrl]
    .map(quote)
    .join(' ')
  // -q quiet, -f flush each write, -e exit with watch's code, -E never: no echo of the keys.
  // Its own process group, so that a test that gives up can end script, sh and watch together.
  const child = spawn('script', ['-qfe', '-E', 'never', '-c', command, '/dev/null'], {
    env: { ...env, SHELL: '/bin/sh' },
    detached: true,
  })
  running.add(child)
  child.once('exit', () => running.delete(child))
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString().replace(/\r/g, '')))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return {
    output: () => output,
    press: (key) => child.stdin.write(key),
    waitFor: (pattern, from) =>
      until(
        () => pattern.exec(output.slice(from)) ?? undefined,
        30_000,
        () => `${pattern} in watch's output:\n${output.slice(from)}`,
      ),
    exited,
    child,
  }
}

/** `clipwise watch` in a terminal, once it says it is connected. */
async function connectedWatch(env: NodeJS.ProcessEnv, connectorUrl: string): Promise<Terminal> {
  const terminal = watchInTerminal(env, connectorUrl)
  try {
    await terminal.waitFor(new RegExp(`Connected to ${literal(connectorUrl)}`), 0)
    return terminal
  } catch (error) {
    terminal.child.kill('SIGTERM')
    throw error
  }
}

interface WireAssets {
  iterable: {
    id: string
    name?: string
    formats: { iterable: { fragment?: { string?: { raw?: string } } }[] }
  }[]
}

/** Xvfb and a connector for the tests of one describe block. */
function useX11Session(): { get: () => X11Session } {
  let session: X11Session | undefined
  beforeAll(async () => {
    session = await startX11Session()
  }, 60_000)
  afterAll(async () => {
    await session?.stop()
  })
  return {
    get() {
      if (!session) throw new Error('the X11 session did not start')
      return session
    },
  }
}

describe.skipIf(skipReason !== '')('clipwise watch in a terminal: readable lines, r/s/d', () => {
  const x11 = useX11Session()

  const assets = async () =>
    ((await (await fetch(`${x11.get().connector.url}/assets`)).json()) as WireAssets).iterable

  /** The snippets the connector remembered, oldest first (read after it stopped: it holds its
   * database exclusively while it runs). */
  const seeds = () => {
    const db = new DatabaseSync(join(x11.get().connector.dataDir, 'clipwise.sqlite'), {
      readOnly: true,
    })
    try {
      return db.prepare('SELECT source, exact_hash AS hash FROM seeds ORDER BY id').all() as {
        source: string
        hash: string
      }[]
    } finally {
      db.close()
    }
  }

  it('s saves the suggested snippet, r puts the saved one back on the clipboard, d dismisses', async () => {
    const { env, connector } = x11.get()
    const terminal = await connectedWatch(env, connector.url)
    try {
      // A new snippet: a readable "worth saving" line; s saves it in the connector.
      let mark = terminal.output().length
      copyWithXclip(env, SNIPPET)
      const offer = await terminal.waitFor(/^\+ (.*)\n {2}worth saving as "(.+)" — (.*)$/m, mark)
      expect(offer[1]).toBe(
        'export function clamp(value: number, min: number, max: number) { retu…',
      )
      expect(offer[3]).toBe('[s] save  [d] dismiss')
      expect(await assets()).toEqual([])
      mark = terminal.output().length
      terminal.press('s')
      const saved = await terminal.waitFor(/^Saved as "(.+)" \((.+)\)\.$/m, mark)
      const [, name, id] = saved
      const stored = await assets()
      expect(stored.map((asset) => [asset.id, asset.name])).toEqual([[id, name]])

      // The same snippet re-indented: a readable reuse line naming the saved one; r reuses it.
      mark = terminal.output().length
      copyWithXclip(env, REINDENTED)
      const reuse = await terminal.waitFor(
        /^↺ (.*)\n {2}already saved as "(.+)" \((\d+)% alike\) — (.*)$/m,
        mark,
      )
      expect(reuse[2]).toBe(name)
      expect(reuse[4]).toBe('[r] reuse  [s] save anyway  [d] dismiss')
      expect(readClipboard(env)).toBe(REINDENTED)
      mark = terminal.output().length
      const reusedAt = mark
      terminal.press('r')
      await terminal.waitFor(
        new RegExp(`^Reused "${literal(name ?? '')}": it is on your clipboard\\.$`, 'm'),
        mark,
      )
      expect(readClipboard(env)).toBe(stored[0]?.formats.iterable[0]?.fragment?.string?.raw)
      expect(readClipboard(env)).toBe(SNIPPET)

      // Something else: d dismisses it, and the connector stores an intention for it.
      mark = terminal.output().length
      copyWithXclip(env, OTHER)
      await terminal.waitFor(
        /^[+·] const retryDelays = \[100, 200, 400, 800\].*\n {2}.*\[d\] dismiss$/m,
        mark,
      )
      // The reused snippet Clipwise put on the clipboard was not taken for a new copy.
      expect(terminal.output().slice(reusedAt)).not.toMatch(/^[↺+·] export function clamp/m)
      mark = terminal.output().length
      terminal.press('d')
      await terminal.waitFor(/^Dismissed\.$/m, mark)
      expect(await assets()).toHaveLength(1)

      terminal.press('q')
      expect(await terminal.exited).toBe(0)

      // The dismiss left an intention for the dismissed snippet (the last copy asked about).
      await x11.get().stopConnector()
      const remembered = seeds()
      // Three snippets were asked about. A hash may be asked twice: a save whose answer came
      // late on a loaded machine asks /suggestion whether it landed before it sends again.
      const asked = [
        ...new Set(
          remembered.filter((seed) => seed.source === 'suggestion').map((seed) => seed.hash),
        ),
      ]
      const intended = remembered.filter((seed) => seed.source === 'intention')
      expect(asked).toHaveLength(3)
      expect(intended).toEqual([{ source: 'intention', hash: asked[2] }])
    } finally {
      if (terminal.child.exitCode === null) {
        terminal.child.kill('SIGTERM')
        await terminal.exited
      }
    }
  }, 90_000) // a watch process (TypeScript through tsx) under Xvfb, on a shared machine
})

describe.skipIf(skipReason !== '')('clipwise watch keys act on what the terminal shows', () => {
  const x11 = useX11Session()

  const stored = async () =>
    ((await (await fetch(`${x11.get().connector.url}/assets`)).json()) as WireAssets).iterable.map(
      (asset) => asset.formats.iterable[0]?.fragment?.string?.raw,
    )

  async function quit(terminal: Terminal) {
    terminal.press('q')
    expect(await terminal.exited).toBe(0)
  }

  it('after a copy holding a secret, s does not save the earlier copy', async () => {
    const { env, connector } = x11.get()
    const terminal = await connectedWatch(env, connector.url)
    try {
      let mark = terminal.output().length
      copyWithXclip(env, SNIPPET)
      await terminal.waitFor(
        /^\+ .*\n {2}worth saving as ".+" — \[s\] save {2}\[d\] dismiss$/m,
        mark,
      )
      mark = terminal.output().length
      copyWithXclip(env, 'aws_access_key_id = AKIAQ7XZ4B2M3PLK6R5T')
      await terminal.waitFor(/^Skipped a copy that holds a secret \(an AWS access token\)/m, mark)
      mark = terminal.output().length
      terminal.press('s')
      await terminal.waitFor(/^That suggestion is no longer on screen.*nothing was done\.$/m, mark)
      expect(await stored()).toEqual([])
      await quit(terminal)
    } finally {
      if (terminal.child.exitCode === null) terminal.child.kill('SIGTERM')
    }
  }, 90_000) // a watch process (TypeScript through tsx) under Xvfb, on a shared machine

  it('with the connector killed, s saves the copy that waits, once, when it is back', async () => {
    const { env, connector } = x11.get()
    const terminal = await connectedWatch(env, connector.url)
    try {
      await x11.get().killConnector()
      let mark = terminal.output().length
      copyWithXclip(env, OTHER)
      await terminal.waitFor(
        /^… const retryDelays.*\n {2}waits for the connector — \[s\] save/m,
        mark,
      )
      await terminal.waitFor(/^Offline: .* 1 copy waits\.$/m, mark)
      mark = terminal.output().length
      terminal.press('s')
      await terminal.waitFor(/^Waiting to be saved: .*as soon as one does\.$/m, mark)
      await terminal.waitFor(/^Offline: .* 1 save waits\.$/m, mark)

      mark = terminal.output().length
      await x11.get().restartConnector()
      await terminal.waitFor(/^Saved “.+”; it was waiting for the connector\.$/m, mark)
      expect(await stored()).toEqual([OTHER])
      await quit(terminal)
      expect(await stored()).toEqual([OTHER])
    } finally {
      if (terminal.child.exitCode === null) terminal.child.kill('SIGTERM')
    }
  }, 90_000) // a watch process (TypeScript through tsx) under Xvfb, on a shared machine
})
