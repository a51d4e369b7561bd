import { spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PYTHON_SNIPPET, PYTHON_SNIPPET_RECOPIED } from '../test-support/seeds'
import { tempDir } from '../test-support/temp-dir'
import { createNamespaces, namespacesUnavailable, type Namespace } from './test-support/netns'
import { postgresUnavailable, startTestPostgres, type TestPostgres } from './test-support/postgres'
import { eventually, teamClient, whoAndWhere, type TeamClient } from './test-support/team-client'
import { unixFetch } from './test-support/unix-fetch'

// `clipwise connector --team` as real processes on separate data folders, each in its own network
// namespace where this machine allows it (root), so their traffic to PostgreSQL crosses a veth
// link; elsewhere on loopback. PostgreSQL is stopped mid-sync and connectors are SIGKILLed.

const skip = postgresUnavailable()
const noNamespaces = skip ? undefined : namespacesUnavailable()
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))
const forwarder = join(repoRoot, 'src/connector/server/team/test-support/unix-forward.ts')
const PASSWORDS = { alex: 'alex-pw', bob: 'bob-pw' }

let pg: TestPostgres
let spaces: Namespace[] = []
let removeSpaces: () => void = () => undefined
const work = tempDir('clipwise-team-proc-')
const children = new Set<ChildProcess>()

beforeAll(async () => {
  if (skip) return
  if (!noNamespaces) ({ spaces, remove: removeSpaces } = createNamespaces(2))
  pg = await startTestPostgres({ hosts: ['127.0.0.1', ...spaces.map((s) => s.hostAddress)] })
  await pg.createTeamDatabase('team', PASSWORDS)
}, 60_000)

afterAll(async () => {
  await Promise.all(
    [...children].map((child) => {
      if (child.exitCode !== null || child.signalCode !== null) return undefined
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      return exited
    }),
  )
  pg?.destroy()
  removeSpaces()
  work.remove()
})

function spawnTracked(command: string[], env: NodeJS.ProcessEnv) {
  const [file, ...args] = command
  const child = spawn(file as string, args, { cwd: repoRoot, env, stdio: 'pipe' })
  children.add(child)
  child.once('exit', () => children.delete(child))
  let out = ''
  let err = ''
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()))
  const line = (pattern: RegExp) =>
    eventually(
      `${pattern} from ${args.join(' ')} (stderr: ${err})`,
      async () => pattern.exec(out) ?? (child.exitCode === null ? undefined : false),
      60_000,
    )
  return { child, line, stderr: () => err }
}

interface Member {
  client: TeamClient
  child: ChildProcess
  stderr: () => string
}

/**
 * Alex reads his password from a password file (PGPASSFILE), Bob from PGPASSWORD: the CLI keeps
 * none in its settings or arguments.
 */
async function launch(role: 'alex' | 'bob', dataDir: string): Promise<Member> {
  const index = role === 'alex' ? 0 : 1
  const space = spaces[index]
  const host = space?.hostAddress ?? '127.0.0.1'
  const env: NodeJS.ProcessEnv = { ...process.env }
  if (role === 'alex') {
    const passfile = join(work.path, 'alex.pgpass')
    writeFileSync(passfile, `${host}:${pg.port}:team:alex:${PASSWORDS.alex}\n`, { mode: 0o600 })
    env.PGPASSFILE = passfile
  } else env.PGPASSWORD = PASSWORDS.bob
  const connector = spawnTracked(
    [
      ...(space?.exec ?? []),
      process.execPath,
      '--disable-warning=ExperimentalWarning',
      '--import',
      'tsx',
      'src/cli/main.ts',
      'connector',
      '--port',
      '0',
      '--data',
      dataDir,
      '--team',
      `postgres://${role}@${host}:${pg.port}/team`,
      '--team-name',
      role === 'alex' ? 'Alex' : 'Bob',
      '--share-new-saves',
    ],
    env,
  )
  const [, url, port] = (await connector.line(/listening on (http:\/\/127\.0\.0\.1:(\d+))\n/)) ?? []
  let client: TeamClient
  if (space) {
    const socket = join(work.path, `${role}-${Date.now()}.sock`)
    const forward = spawnTracked(
      [...space.exec, process.execPath, '--import', 'tsx', forwarder, socket, String(port)],
      process.env,
    )
    await forward.line(/forwarding/)
    connector.child.once('exit', () => forward.child.kill())
    client = await teamClient(url as string, unixFetch(socket, Number(port)))
  } else {
    client = await teamClient(url as string)
  }
  return { client, child: connector.child, stderr: connector.stderr }
}

async function kill(member: Member): Promise<void> {
  const exited = new Promise((resolve) => member.child.once('exit', resolve))
  member.child.kill('SIGKILL')
  await exited
}

const online = (m: Member) =>
  eventually('online', async () => (await m.client.status()).state === 'online', 60_000)
const count = async (sql: string) => ((await pg.admin('team', sql)).rows[0] as { n: number }).n
const snippet = (tag: string, i: number) =>
  `function ${tag}Total${i}(items) {\n  return items.reduce((sum, item) => sum + item.price * ${i + 2}, 0)\n}`

const title = `two connector processes${
  skip
    ? ` (skipped: ${skip})`
    : noNamespaces
      ? ` on loopback (no network namespaces: ${noNamespaces})`
      : ' in separate network namespaces'
}`

// Processes start slowly on a loaded two-core machine: generous bounds, never timed assertions.
describe.skipIf(skip)(title, { timeout: 180_000 }, () => {
  const alexDir = join(work.path, 'alex')
  const bobDir = join(work.path, 'bob')
  let alex: Member
  let bob: Member

  it("suggests Alex's save to Bob across the network, and takes his deletion there", async () => {
    alex = await launch('alex', alexDir)
    bob = await launch('bob', bobDir)
    await Promise.all([online(alex), online(bob)])
    if (spaces[0]) {
      const addresses = await pg.admin(
        'team',
        "SELECT DISTINCT host(client_addr) AS addr FROM pg_stat_activity WHERE usename = 'alex'",
      )
      expect(addresses.rows).toEqual([{ addr: spaces[0].hostAddress.replace(/1$/, '2') }])
    }
    const id = await alex.client.save(PYTHON_SNIPPET, 'moving average')
    const suggestion = await eventually('the pull', async () => {
      const s = await bob.client.suggest(PYTHON_SNIPPET_RECOPIED)
      return s.reuse.suggested ? s : undefined
    })
    expect(whoAndWhere(suggestion.reuse.assets.iterable[0])).toEqual({ who: 'Alex', where: 'team' })

    expect((await alex.client.remove(id)).status).toBe(200)
    await eventually('the tombstone', async () => (await bob.client.assets()).length === 0)
    expect((await bob.client.suggest(PYTHON_SNIPPET)).reuse.suggested).toBe(false)
  })

  it('loses and duplicates nothing when PostgreSQL stops mid-sync and restarts', async () => {
    const saved: string[] = []
    for (let i = 0; i < 30; i++) {
      if (i === 10) pg.stop('immediate')
      saved.push(await alex.client.save(snippet('outage', i), `outage ${i}`))
    }
    expect((await alex.client.status()).state).not.toBe('online')
    pg.start()
    await eventually('all pulled', async () => (await bob.client.assets()).length === 30, 60_000)
    expect((await alex.client.status()).pending).toBe(0)
    expect(
      await count("SELECT count(*)::int AS n FROM clipwise_assets WHERE name LIKE 'outage %'"),
    ).toBe(30)
    expect(await count('SELECT count(*)::int AS n FROM clipwise_contents')).toBe(30)
    const names = (await bob.client.assets()).map((a) => a.name).sort()
    expect(names).toEqual(saved.map((_, i) => `outage ${i}`).sort())
  })

  it('loses nothing when the connector is SIGKILLed between save and push', async () => {
    // With PostgreSQL down nothing can be pushed: the saves exist only in Alex's outbox.
    pg.stop('fast')
    for (let i = 0; i < 3; i++) await alex.client.save(snippet('killed', i), `killed ${i}`)
    await kill(alex)
    pg.start()
    // And with it up, a kill right after each save races the push.
    for (let i = 3; i < 6; i++) {
      alex = await launch('alex', alexDir)
      await alex.client.save(snippet('killed', i), `killed ${i}`)
      await kill(alex)
    }
    alex = await launch('alex', alexDir)
    await eventually(
      'all six',
      async () => {
        const names = (await bob.client.assets()).map((a) => a.name)
        return names.filter((n) => n?.startsWith('killed')).length === 6
      },
      60_000,
    )
    expect(
      await count("SELECT count(*)::int AS n FROM clipwise_assets WHERE name LIKE 'killed %'"),
    ).toBe(6)
    expect((await alex.client.status()).pending).toBe(0)
    expect((await bob.client.assets()).length).toBe(36)
  })
})
