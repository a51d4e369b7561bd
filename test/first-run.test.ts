import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findOlderNode, requiredNode, ROOT } from './support/older-node'
import { runDetached } from './support/run-detached'

// What a newcomer sees on a first run: on a Node.js that is too old, every npm script says in one
// sentence which Node is needed and how to get it; `npm run dist` without Electron's downloads
// says so in one sentence too. Scripts run as npm runs them: their package.json line in a shell.

const scripts = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }
).scripts
/** Set in the scripts this file runs: a nested run (were a script not to stop) must not recurse. */
const nested = process.env.CLIPWISE_FIRST_RUN_CHECK === '1'
const older = nested ? undefined : findOlderNode()
const [major, minor] = requiredNode()
const NO_OLDER_NODE =
  `no Node.js older than ${major}.${minor} on this machine ` +
  '(looked on PATH, in /usr/bin, /usr/local/bin, /opt/homebrew/bin and ~/.nvm)'

/** The environment a person's shell has: without what vitest adds (builder-util goes quiet under it). */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const ours = (key: string) => key.startsWith('VITEST') || key === 'NODE_ENV'
  return Object.fromEntries(
    Object.entries({ ...process.env, ...extra }).filter(([key]) => !ours(key)),
  )
}

/** Runs a package.json script as `npm run name -- ...args` does, with `node` first on PATH. */
function runScript(
  name: string,
  node: string,
  options: { args?: string[]; env?: Record<string, string>; timeoutMs?: number } = {},
) {
  const command = scripts[name]
  if (!command) throw new Error(`package.json has no "${name}" script`)
  const line = [command, ...(options.args ?? []).map((arg) => `'${arg}'`)].join(' ')
  return runDetached('sh', ['-c', line], {
    cwd: ROOT,
    timeoutMs: options.timeoutMs ?? 60_000,
    env: userEnv({
      ...options.env,
      // Should a script fail to stop (a regression), the test run it starts skips this file.
      CLIPWISE_FIRST_RUN_CHECK: '1',
      PATH: [dirname(node), join(ROOT, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
    }),
  })
}

function expectOneSentence(output: string, version: string) {
  const lines = output.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toBe(
    `Clipwise needs Node.js ${major}.${minor} or newer, but this is Node.js ${version}: ` +
      `install Node.js ${major} (from https://nodejs.org, or \`nvm install ${major}\`), ` +
      'then run `npm ci` and this command again.',
  )
}

describe(`on a Node.js older than ${major}.${minor}`, () => {
  it.for(['start', 'test', 'watch', 'connector', 'save', 'dist', 'build', 'bench'])(
    '`npm run %s` says which Node is needed and how to get it, in one sentence',
    async (name, { skip }) => {
      if (!older) return skip(NO_OLDER_NODE)
      const run = await runScript(name, older.path)
      expect(run.status).toBe(1)
      expect(run.stdout).toBe('')
      expectOneSentence(run.stderr, older.version)
    },
  )

  it('the `clipwise` command says the same', async ({ skip }) => {
    if (!older) return skip(NO_OLDER_NODE)
    const run = await runDetached(older.path, ['bin/clipwise.cjs', 'watch'], {
      cwd: ROOT,
      env: userEnv({ CLIPWISE_FIRST_RUN_CHECK: '1' }),
      timeoutMs: 60_000,
    })
    expect(run.status).toBe(1)
    expectOneSentence(run.stderr, older.version)
  })

  it('and the README tells the same before anything is run', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    expect(readme).toContain(`Node.js ${major}.${minor} or newer`)
    expect(readme).toContain(`nvm install ${major}`)
  })
})

describe(`on Node.js ${process.versions.node}`, () => {
  it('the Node check lets every script through silently', () => {
    const check = spawnSync(process.execPath, ['scripts/check-node.cjs'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
    expect([check.status, check.stdout, check.stderr]).toEqual([0, '', ''])
  })
})

describe('`npm run dist` where Electron cannot be downloaded', () => {
  const temp = mkdtempSync(join(tmpdir(), 'clipwise-dist-'))
  afterAll(() => rmSync(temp, { recursive: true, force: true }))

  /** A loopback port nothing listens on: taken from the system, then let go. */
  async function closedPort(): Promise<number> {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    await new Promise((resolve) => server.close(resolve))
    if (!address || typeof address === 'string') throw new Error('no port')
    return address.port
  }

  it('says so in one sentence, with no stack trace, and packages nothing', async () => {
    const port = await closedPort()
    const output = join(temp, 'dist')
    // Electron's downloads, made unreachable; empty caches so nothing is found offline.
    const run = await runScript('dist', process.execPath, {
      args: [`-c.directories.output=${output}`],
      env: {
        ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
        ELECTRON_CACHE: join(temp, 'electron-cache'),
        ELECTRON_BUILDER_CACHE: join(temp, 'builder-cache'),
      },
      timeoutMs: 180_000,
    })
    expect(run.status).toBe(1)
    expect(run.stderr.trim()).toBe(
      "Packaging needs Electron's downloads and this machine cannot reach them " +
        `(connect ECONNREFUSED 127.0.0.1:${port}), so nothing was packaged: run \`npm run dist\` ` +
        'where they can be reached, or set ELECTRON_MIRROR to a mirror of them.',
    )
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\s+at /m)
    expect(run.stdout).not.toContain('failedTask')
    const made = readdirSync(output, { recursive: true }).map(String)
    expect(made.filter((file) => /\.(AppImage|deb|dmg|exe)$/.test(file))).toEqual([])
  }, 240_000)
})
