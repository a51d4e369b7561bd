import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import packageJson from '../../package.json'
import { runDetached } from '../../test/support/run-detached'
import { toMarkdownFile } from './library-files'
import { until } from './test-support/x11-session'

// The `clipwise` command as a user runs it (bin/clipwise.cjs, a child process): what it prints,
// its exit code, and what it leaves in the data folder. None of these needs a clipboard.

const BIN = join(__dirname, '..', '..', 'bin', 'clipwise.cjs')
const COMMANDS = ['watch', 'save', 'connector', 'export', 'import']
// Each run loads TypeScript through tsx, on a machine others share.
const RUN_MS = 60_000

const root = mkdtempSync(join(tmpdir(), 'clipwise-commands-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
let folders = 0
const folder = () => join(root, `data-${++folders}`)

const clipwise = (...args: string[]) =>
  runDetached(process.execPath, [BIN, ...args], {
    cwd: root,
    env: { ...process.env, CLIPWISE_DATA_DIR: join(root, 'default-data') },
    timeoutMs: RUN_MS,
  })

describe('clipwise --help, -h, help, --version', () => {
  it(
    'prints the full help for --help, -h and help, and the version for --version, exit 0',
    async () => {
      const [long, short, word, version] = await Promise.all([
        clipwise('--help'),
        clipwise('-h'),
        clipwise('help'),
        clipwise('--version'),
      ])
      expect(long.status).toBe(0)
      expect(long.stderr).toBe('')
      for (const name of COMMANDS) expect(long.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'))
      expect(long.stdout).toContain('--data DIR')
      expect(long.stdout).toContain('clipwise <command> --help')
      expect(short).toEqual(long)
      expect(word).toEqual(long)
      expect(version).toEqual({
        status: 0,
        stdout: `clipwise ${packageJson.version}\n`,
        stderr: '',
      })
    },
    RUN_MS,
  )

  it(
    'answers -h and --help for every command with its own options, exit 0',
    async () => {
      const runs = await Promise.all([
        ...COMMANDS.map((name) => clipwise(name, '-h')),
        clipwise('connector', '--help'),
        clipwise('help', 'save'),
      ])
      runs.forEach((run, i) => {
        const name = COMMANDS[i] ?? (i === COMMANDS.length ? 'connector' : 'save')
        expect(run.status, `${name} -h: ${run.stderr}`).toBe(0)
        expect(run.stdout).toMatch(new RegExp(`^Usage: clipwise ${name} `))
        // Every command reads or writes the data folder, and says how to choose it.
        expect(run.stdout).toContain('--data DIR')
      })
      expect(runs[0]?.stdout).toContain('--json')
      expect(runs[2]?.stdout).toContain('--port N')
    },
    RUN_MS,
  )

  it(
    'refuses an unknown command or option in one line pointing at the help, exit 2',
    async () => {
      const [command, option, value] = await Promise.all([
        clipwise('wtach'),
        clipwise('save', '--bogus'),
        clipwise('connector', '--port', 'eighty'),
      ])
      expect(command.status).toBe(2)
      expect(command.stderr).toMatch(/^Unknown command "wtach"\. Commands: watch, save, /)
      expect(command.stderr.trim().split('\n')).toHaveLength(1)
      expect(option.status).toBe(2)
      expect(option.stderr).toBe(
        'Unknown option --bogus.\nRun "clipwise save --help" for its options.\n',
      )
      expect(value.status).toBe(2)
      expect(value.stderr).toMatch(/^--port must be an integer from 0 to 65535, not "eighty"\./)
    },
    RUN_MS,
  )
})

describe('clipwise connector: what it leaves in the data folder', () => {
  let busy: Server | undefined
  afterAll(() => busy?.close())

  it(
    'on a busy port: one sentence, exit 5, and no library or pid file left',
    async () => {
      busy = createServer()
      const server = busy
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const { port } = server.address() as { port: number }
      const fresh = folder()
      const empty = folder()
      mkdirSync(empty)
      const [inFresh, inEmpty] = await Promise.all([
        clipwise('connector', '--port', String(port), '--data', fresh),
        clipwise('connector', '--port', String(port), '--data', empty),
      ])
      for (const run of [inFresh, inEmpty]) {
        expect(run.status).toBe(5)
        expect(run.stdout).toBe('')
        expect(run.stderr).toBe(
          `Port ${port} on 127.0.0.1 is already in use by another program. Choose another with --port, or --port 0 for any free one.\n`,
        )
      }
      expect(existsSync(fresh)).toBe(false)
      expect(readdirSync(empty)).toEqual([])
    },
    RUN_MS,
  )

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(
      `removes connector.pid when stopped by ${signal}, and keeps the library`,
      async () => {
        const dataDir = folder()
        const child = spawn(process.execPath, [BIN, 'connector', '--port', '0', '--data', dataDir])
        const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
        let stdout = ''
        let stderr = ''
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
        try {
          await until(() => (stdout.includes('listening on') ? true : undefined), RUN_MS, 'start')
          expect(readdirSync(dataDir)).toContain('connector.pid')
          const holder = Number(readFileSync(join(dataDir, 'connector.pid'), 'utf8'))
          expect(holder).toBeGreaterThan(0)
          child.kill(signal)
          // Once seen exiting 1 in a loaded CI run, not reproduced: the message says why next time.
          const code = await exited
          expect(code, `exit ${code}, stderr: ${stderr}`).toBe(0)
          expect(readdirSync(dataDir)).not.toContain('connector.pid')
          expect(readdirSync(dataDir)).toContain('clipwise.sqlite')
        } finally {
          child.kill('SIGKILL')
        }
      },
      RUN_MS,
    )
  }
})

describe('clipwise import / export --data DIR', () => {
  it(
    'keeps the library in the folder --data names, and leaves no connector behind there',
    async () => {
      const dataDir = folder()
      const md = join(root, 'retry.md')
      const text =
        'def retry(fn, attempts=3):\n    for _ in range(attempts - 1):\n        try:\n            return fn()\n        except OSError:\n            pass\n    return fn()\n'
      writeFileSync(md, toMarkdownFile({ name: 'Retry', language: 'py', tags: ['network'], text }))
      const imported = await clipwise('import', md, '--data', dataDir)
      expect(imported.stderr).toBe('')
      expect(imported).toMatchObject({
        status: 0,
        stdout: 'Imported 1 snippet; 0 already saved.\n',
      })

      const out = join(root, 'library.json')
      const exported = await clipwise('export', '--format', 'json', '--out', out, '--data', dataDir)
      expect(exported).toMatchObject({ status: 0, stdout: `Exported 1 snippet to ${out}\n` })
      const library = JSON.parse(readFileSync(out, 'utf8')) as {
        iterable: {
          name: string
          formats: { iterable: { fragment: { string: { raw: string } } }[] }
        }[]
      }
      expect(
        library.iterable.map((a) => [a.name, a.formats.iterable[0]?.fragment.string.raw]),
      ).toEqual([['Retry', text]])
      // The library stays; the connector each command started for it is gone, and so is its trace.
      const left = readdirSync(dataDir)
      expect(left).toContain('clipwise.sqlite')
      expect(left).not.toContain('connector.pid')
      expect(left).not.toContain('embedded-connector.json')
      expect(existsSync(join(root, 'default-data'))).toBe(false)
    },
    2 * RUN_MS,
  )
})
