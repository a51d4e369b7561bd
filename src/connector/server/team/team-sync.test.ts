import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../engine/test-support/fake-credentials'
import { startConnector, type RunningConnector } from '../start-connector'
import { PYTHON_SNIPPET, PYTHON_SNIPPET_RECOPIED } from '../test-support/seeds'
import { tempDir } from '../test-support/temp-dir'
import { contentHash } from './apply-pull'
import { pushBatch, type PushOp } from './remote'
import { clientConfig, type TeamOptions } from './team-options'
import { TEAM_MIGRATIONS } from './team-schema'
import { postgresUnavailable, startTestPostgres, type TestPostgres } from './test-support/postgres'
import { eventually, teamClient, whoAndWhere, type TeamClient } from './test-support/team-client'

// Two connectors on separate data folders, one real PostgreSQL between them (a private cluster on
// a Unix socket): what one saves the other suggests for reuse, with who saved it and where.

const skip = postgresUnavailable()
const PASSWORDS = { alex: 'alex-pw', bob: 'bob-pw' }
let cluster: TestPostgres
let databases = 0
const cleanups: (() => Promise<void> | void)[] = []

beforeAll(async () => {
  if (!skip) cluster = await startTestPostgres({ hosts: ['127.0.0.1'] })
})
afterAll(() => cluster?.destroy())
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function teamDatabase(): Promise<string> {
  const name = `team_${++databases}`
  await cluster.createTeamDatabase(name, PASSWORDS)
  return name
}

interface Member {
  connector: RunningConnector
  client: TeamClient
  dataDir: string
}

async function member(
  role: 'alex' | 'bob',
  database: string,
  extra: Partial<TeamOptions> = {},
  dataDir?: string,
): Promise<Member> {
  let dir = dataDir
  if (!dir) {
    const made = tempDir()
    cleanups.push(made.remove)
    dir = made.path
  }
  const connector = await startConnector({
    port: 0,
    dataDir: dir,
    team: {
      url: cluster.url(role, database, '127.0.0.1'),
      password: PASSWORDS[role],
      displayName: role === 'alex' ? 'Alex' : 'Bob',
      shareNewSaves: true,
      retryMs: { min: 100, max: 400 },
      // No poll: every change must arrive through LISTEN/NOTIFY (or a reconnect's pull).
      pollMs: 600_000,
      ...extra,
    },
  })
  cleanups.push(() => connector.close())
  return { connector, client: await teamClient(connector.url), dataDir: dir }
}

const online = (m: Member) =>
  eventually('the team library', async () => (await m.client.status()).state === 'online')

const rows = async (database: string, sql: string) => (await cluster.admin(database, sql)).rows

const putOp = (name: string, text: string): PushOp => {
  const stamp = { at: new Date().toISOString(), by: 'bob' }
  return {
    kind: 'put',
    id: `bob-${name}`,
    ownerName: 'Bob',
    hash: contentHash(text),
    text,
    createdAt: stamp.at,
    values: { name, tags: [], language: 'py' },
    stamps: { name: stamp, tags: stamp, language: stamp },
  }
}

/** Pushes as Bob's connector would, without one. */
async function asBob(database: string, ops: PushOp[]): Promise<void> {
  const client = new pg.Client(
    clientConfig({ url: cluster.url('bob', database, '127.0.0.1'), password: PASSWORDS.bob }),
  )
  await client.connect()
  try {
    await pushBatch(client, ops)
  } finally {
    await client.end()
  }
}

describe.skipIf(skip)(
  `team library on PostgreSQL${skip ? ` (skipped: ${skip})` : ''}`,
  { timeout: 90_000 },
  () => {
    it("suggests a teammate's save for reuse, saying who saved it and in which library", async () => {
      const db = await teamDatabase()
      const alex = await member('alex', db)
      const bob = await member('bob', db)
      await Promise.all([online(alex), online(bob)])

      const id = await alex.client.save(PYTHON_SNIPPET, 'moving average')
      const suggestion = await eventually('the pull', async () => {
        const s = await bob.client.suggest(PYTHON_SNIPPET_RECOPIED)
        return s.reuse.suggested ? s : undefined
      })
      const best = suggestion.reuse.assets.iterable[0]
      expect(best?.name).toBe('moving average')
      expect(whoAndWhere(best)).toEqual({ who: 'Alex', where: db })
      expect(best?.formats.iterable[0]?.fragment?.string?.raw).toBe(PYTHON_SNIPPET)
      // Alex's own copy says where it is shared but names nobody.
      const own = (await alex.client.assets()).find((a) => a.id === id)
      expect(whoAndWhere(own)).toEqual({ where: db })
      expect(await rows(db, 'SELECT owner, owner_name, name_by FROM clipwise_assets')).toEqual([
        { owner: 'alex', owner_name: 'Alex', name_by: 'alex' },
      ])
    })

    it('never pushes a snippet holding a secret, even when asked to share it', async () => {
      const db = await teamDatabase()
      const alex = await member('alex', db)
      await online(alex)
      const credential = fakeCredentials()[0]
      if (!credential) throw new Error('no fake credential')
      const key = credential.value
      const secretId = await alex.client.save(credential.text)
      const refused = await alex.client.share(secretId, true)
      expect(refused.status).toBe(409)
      expect(await refused.text()).toMatch(/credential/)
      await alex.client.save(PYTHON_SNIPPET)
      await eventually(
        'the push',
        async () => (await rows(db, 'SELECT 1 FROM clipwise_assets')).length === 1,
      )
      const texts = await rows(db, 'SELECT text FROM clipwise_contents')
      expect(texts).toEqual([{ text: PYTHON_SNIPPET }])
      expect(JSON.stringify(texts)).not.toContain(key)
    })

    it("takes a deletion to the teammates' libraries and keeps a teammate's deletion local", async () => {
      const db = await teamDatabase()
      const alex = await member('alex', db)
      const bob = await member('bob', db)
      await Promise.all([online(alex), online(bob)])
      const id = await alex.client.save(PYTHON_SNIPPET, 'moving average')
      await alex.client.save(
        'SELECT name FROM users WHERE active = true ORDER BY name',
        'active users',
      )
      await eventually('both pulled', async () => (await bob.client.assets()).length === 2)

      // Bob hides Alex's query for himself: Alex keeps it and it stays in the team.
      const bobQuery = (await bob.client.assets()).find((a) => a.name === 'active users')
      expect((await bob.client.remove(bobQuery?.id ?? '')).status).toBe(200)
      expect(
        (await rows(db, 'SELECT 1 FROM clipwise_assets WHERE deleted_at IS NULL')).length,
      ).toBe(2)

      // Alex deletes the average: it leaves the team library and Bob's library.
      expect((await alex.client.remove(id)).status).toBe(200)
      await eventually('the tombstone', async () => (await bob.client.assets()).length === 0)
      expect((await bob.client.suggest(PYTHON_SNIPPET)).reuse.suggested).toBe(false)
      expect(
        await rows(db, 'SELECT deleted_by FROM clipwise_assets WHERE deleted_at IS NOT NULL'),
      ).toEqual([{ deleted_by: 'alex' }])
      // Its text left with it (no other snippet points at it).
      expect(await rows(db, 'SELECT count(*)::int AS n FROM clipwise_contents')).toEqual([{ n: 1 }])
      expect((await alex.client.assets()).map((a) => a.name)).toEqual(['active users'])
    })

    it('merges name and tag edits per field, last writer wins, with the writer kept', async () => {
      const db = await teamDatabase()
      const alex = await member('alex', db)
      const bob = await member('bob', db)
      await Promise.all([online(alex), online(bob)])
      const id = await alex.client.save(PYTHON_SNIPPET, 'average')
      const bobCopy = await eventually('the pull', async () => (await bob.client.assets())[0])

      await bob.client.rename(bobCopy.id, 'moving average (window)')
      await eventually(
        'Bob’s name reaches Alex',
        async () =>
          (await alex.client.assets()).find((a) => a.id === id)?.name === 'moving average (window)',
      )
      // Alex then edits the tags only: Bob's name stays, Alex's tags arrive at Bob.
      const alexCopy = (await alex.client.assets()).find((a) => a.id === id)
      await alex.client.rename(id, alexCopy?.name ?? '', ['python', 'stats'])
      await eventually('Alex’s tags reach Bob', async () => {
        const [copy] = await bob.client.assets()
        return copy?.tags?.iterable.map((t) => t.text).join(',') === 'python,stats'
      })
      expect(await rows(db, 'SELECT name, name_by, tags, tags_by FROM clipwise_assets')).toEqual([
        {
          name: 'moving average (window)',
          name_by: 'bob',
          tags: ['python', 'stats'],
          tags_by: 'alex',
        },
      ])
    })

    it('keeps working while PostgreSQL is down and pushes the outbox once it is back', async () => {
      const db = await teamDatabase()
      const alex = await member('alex', db)
      const bob = await member('bob', db)
      await Promise.all([online(alex), online(bob)])
      await alex.client.save(PYTHON_SNIPPET, 'before')
      await eventually('the first pull', async () => (await bob.client.assets()).length === 1)

      cluster.stop('immediate')
      try {
        await eventually('offline', async () => (await alex.client.status()).state === 'offline')
        const texts = ['SELECT 1 AS one FROM dual WHERE 1 = 1', 'ls -la /var/log | grep -v old']
        for (const text of texts) await alex.client.save(`${text} -- during the outage`)
        // Local saves and suggestions go on; the changes wait.
        expect((await alex.client.suggest(PYTHON_SNIPPET)).reuse.suggested).toBe(true)
        expect((await alex.client.status()).pending).toBe(2)
      } finally {
        cluster.start()
      }
      await eventually('resumed', async () => (await bob.client.assets()).length === 3, 60_000)
      expect((await alex.client.status()).pending).toBe(0)
      expect(await rows(db, 'SELECT count(*)::int AS n FROM clipwise_assets')).toEqual([{ n: 3 }])
      expect(await rows(db, 'SELECT count(*)::int AS n FROM clipwise_contents')).toEqual([{ n: 3 }])
      expect(new Set((await bob.client.assets()).map((a) => a.name)).size).toBe(3)
    })

    it('refuses a team schema newer than it knows, and serves locally meanwhile', async () => {
      const db = await teamDatabase()
      await cluster.admin(db, `UPDATE clipwise_schema SET version = ${TEAM_MIGRATIONS.length + 1}`)
      const alex = await member('alex', db)
      const status = await eventually('the refusal', async () => {
        const s = await alex.client.status()
        return s.state === 'offline' ? s : undefined
      })
      expect(status.error).toMatch(/newer than this Clipwise knows/)
      expect(await alex.client.save(PYTHON_SNIPPET)).toMatch(/^[0-9a-f-]{36}$/)
      expect((await alex.client.status()).pending).toBe(1)
    })

    it("never stores a teammate's snippet that holds a secret, whoever pushed it", async () => {
      const db = await teamDatabase()
      const alex = await member('alex', db)
      await online(alex)
      const credential = fakeCredentials()[1]
      if (!credential) throw new Error('no fake credential')
      // An older or modified client of Bob's pushes it anyway, straight into the database.
      await asBob(db, [putOp('leaky', credential.text), putOp('clean', PYTHON_SNIPPET)])
      await eventually('the clean one', async () => (await alex.client.assets()).length === 1)
      expect((await alex.client.assets()).map((a) => a.name)).toEqual(['clean'])
      for (const file of readdirSync(alex.dataDir)) {
        expect(readFileSync(join(alex.dataDir, file), 'latin1')).not.toContain(credential.value)
      }
    })

    it('lands a batch sent twice once: same rows, no new change for the pullers', async () => {
      const db = await teamDatabase()
      const ops = [putOp('twice', PYTHON_SNIPPET)]
      await asBob(db, ops)
      const first = await rows(db, 'SELECT id, seq, name FROM clipwise_assets')
      await asBob(db, ops)
      expect(await rows(db, 'SELECT id, seq, name FROM clipwise_assets')).toEqual(first)
      expect(await rows(db, 'SELECT count(*)::int AS n FROM clipwise_contents')).toEqual([{ n: 1 }])
    })

    it('drops what came from a team library when pointed at another, keeping your own snippets', async () => {
      const [first, second] = [await teamDatabase(), await teamDatabase()]
      const alex = await member('alex', first)
      await online(alex)
      await asBob(first, [putOp('bob’s', PYTHON_SNIPPET)])
      const own = await alex.client.save('SELECT id FROM orders WHERE paid IS NULL', 'unpaid')
      await eventually('bob’s pulled', async () => (await alex.client.assets()).length === 2)

      await alex.connector.team.configure({
        url: cluster.url('alex', second, '127.0.0.1'),
        password: PASSWORDS.alex,
        shareNewSaves: false,
        pollMs: 600_000,
      })
      await eventually('the switch', async () => (await alex.client.assets()).length === 1)
      const [kept] = await alex.client.assets()
      expect(kept?.id).toBe(own)
      // Not shared with the second team unless Alex shares it there.
      expect(whoAndWhere(kept)).toEqual({})
      expect(await rows(second, 'SELECT count(*)::int AS n FROM clipwise_assets')).toEqual([
        { n: 0 },
      ])
      expect((await alex.client.share(own, true)).status).toBe(200)
      await eventually(
        'shared with the second',
        async () => (await rows(second, 'SELECT name FROM clipwise_assets')).length === 1,
      )
    })

    it('connects over TLS when the URL asks for sslmode=verify-full', async () => {
      const tls = await startTestPostgres({ hosts: ['127.0.0.1'], tls: true })
      cleanups.push(() => tls.destroy())
      await tls.createTeamDatabase('team_tls', PASSWORDS)
      const dir = tempDir()
      cleanups.push(dir.remove)
      const connector = await startConnector({
        port: 0,
        dataDir: dir.path,
        team: {
          url: tls.url(
            'alex',
            'team_tls',
            'localhost',
            `sslmode=verify-full&sslrootcert=${encodeURIComponent(tls.caFile ?? '')}`,
          ),
          password: PASSWORDS.alex,
          shareNewSaves: true,
        },
      })
      cleanups.push(() => connector.close())
      const client = await teamClient(connector.url)
      await eventually('online', async () => (await client.status()).state === 'online')
      const ssl = await tls.admin(
        'team_tls',
        "SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.usename = 'alex'",
      )
      expect(ssl.rows).toEqual([{ ssl: true }])
    })
  },
)
