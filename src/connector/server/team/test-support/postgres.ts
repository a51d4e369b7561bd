// A private PostgreSQL cluster for tests and benchmarks: Debian's server binaries, a temporary
// data folder, a Unix socket in that folder and, when asked, TCP on a free port of the given
// addresses (never 5432). PostgreSQL refuses to run as root, so as root it runs as `postgres`.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { appendFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { migrateTeamSchema } from '../team-schema'

export interface TestPostgres {
  /** Folder of the Unix socket (a `host=` for libpq URLs). */
  socketDir: string
  port: number
  /** The TCP addresses it listens on (empty: socket only). */
  hosts: readonly string[]
  /** A URL for `role` to `database`, over TCP to `host` or over the socket when none is given. */
  url(role: string, database: string, host?: string, query?: string): string
  /** Runs SQL as the superuser (`postgres`) in a database, over the socket. */
  admin(database: string, sql: string, params?: unknown[]): Promise<pg.QueryResult>
  /** Creates a database and login roles with passwords, members of the team's group role. */
  createTeamDatabase(database: string, members: Record<string, string>): Promise<void>
  /** Stops the server: `fast` ends sessions cleanly, `immediate` is a crash. */
  stop(mode?: 'fast' | 'immediate'): void
  start(): void
  /** Stops the server and removes its files. */
  destroy(): void
  /** The certificate clients can trust (TLS enabled only with `tls: true`). */
  caFile?: string
}

const SERVER_USER = 'postgres'

function binDir(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions[0] && join(root, versions[0], 'bin')
}

const isRoot = () => process.getuid?.() === 0

function serverIds(): { uid: number; gid: number } | undefined {
  const out = spawnSync('id', ['-u', SERVER_USER], { encoding: 'utf8' })
  const gid = spawnSync('id', ['-g', SERVER_USER], { encoding: 'utf8' })
  if (out.status !== 0 || gid.status !== 0) return undefined
  return { uid: Number(out.stdout.trim()), gid: Number(gid.stdout.trim()) }
}

/** Why PostgreSQL cannot be started here, or undefined when it can. */
export function postgresUnavailable(): string | undefined {
  if (process.platform !== 'linux') return 'PostgreSQL tests run on Linux only'
  if (!binDir())
    return "PostgreSQL is not installed (Debian's postgresql package; .ci/run installs it)"
  if (isRoot() && !serverIds()) return 'running as root and there is no postgres user to run it as'
  return undefined
}

function asServer(cmd: string, args: string[]): string[] {
  return isRoot() ? ['runuser', '-u', SERVER_USER, '--', cmd, ...args] : [cmd, ...args]
}

function run(cmd: string, args: string[]): string {
  const [file, ...rest] = asServer(cmd, args)
  return execFileSync(file as string, rest, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/** A TCP port free on every address right now. */
async function freePort(hosts: readonly string[]): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, hosts[0] ?? '127.0.0.1', resolve)
  })
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  return typeof address === 'object' && address ? address.port : 0
}

function makeCertificate(dir: string, hosts: readonly string[]): { cert: string; key: string } {
  const cert = join(dir, 'server.crt')
  const key = join(dir, 'server.key')
  const san = ['DNS:localhost', ...hosts.map((h) => `IP:${h}`)].join(',')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      `subjectAltName=${san}`,
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  )
  return { cert, key }
}

/** Starts a private cluster; `destroy()` it when done. */
export async function startTestPostgres(
  options: { hosts?: readonly string[]; tls?: boolean; settings?: Record<string, string> } = {},
): Promise<TestPostgres> {
  const bin = binDir()
  if (!bin) throw new Error(postgresUnavailable())
  const hosts = options.hosts ?? []
  const root = mkdtempSync(join(tmpdir(), 'cw15-pg-'))
  const data = join(root, 'data')
  const ids = isRoot() ? serverIds() : undefined
  if (ids) chownSync(root, ids.uid, ids.gid)
  chmodSync(root, 0o755)
  run(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ])
  const port = hosts.length > 0 ? await freePort(hosts) : 5400 + Math.floor(Math.random() * 500)
  const conf = [
    `listen_addresses = '${hosts.join(',')}'`,
    `port = ${port}`,
    `unix_socket_directories = '${root}'`,
    'fsync = off',
    'max_connections = 40',
    'shared_buffers = 64MB',
    ...Object.entries(options.settings ?? {}).map(([k, v]) => `${k} = ${v}`),
  ]
  let caFile: string | undefined
  if (options.tls) {
    const { cert, key } = makeCertificate(root, hosts)
    if (ids) {
      chownSync(cert, ids.uid, ids.gid)
      chownSync(key, ids.uid, ids.gid)
    }
    chmodSync(key, 0o600)
    conf.push('ssl = on', `ssl_cert_file = '${cert}'`, `ssl_key_file = '${key}'`)
    caFile = cert
  }
  appendFileSync(join(data, 'postgresql.conf'), `\n${conf.join('\n')}\n`)
  // Members come in over TCP with passwords (from any address of the test's own namespaces).
  writeFileSync(
    join(data, 'pg_hba.conf'),
    ['local all all trust', 'host all all 0.0.0.0/0 scram-sha-256', ''].join('\n'),
  )
  if (ids) chownSync(join(data, 'pg_hba.conf'), ids.uid, ids.gid)
  const ctl = (args: string[]) => run(join(bin, 'pg_ctl'), ['-D', data, ...args])
  const start = () => {
    ctl(['-l', join(root, 'server.log'), '-w', '-t', '30', 'start'])
  }
  start()
  const socketUrl = (role: string, database: string) =>
    `postgres://${role}@/${database}?host=${encodeURIComponent(root)}&port=${port}`

  let stopped = false
  const cluster: TestPostgres = {
    socketDir: root,
    port,
    hosts,
    ...(caFile && { caFile }),
    url: (role, database, host, query) =>
      host
        ? `postgres://${role}@${host}:${port}/${database}${query ? `?${query}` : ''}`
        : `${socketUrl(role, database)}${query ? `&${query}` : ''}`,
    async admin(database, sql, params) {
      return admin(database, sql, params)
    },
    async createTeamDatabase(database, members) {
      await admin('postgres', `CREATE DATABASE ${database}`)
      for (const [role, password] of Object.entries(members)) {
        await admin(
          'postgres',
          `DO $$ BEGIN
             IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
               CREATE ROLE ${role} LOGIN PASSWORD '${password}';
             END IF;
             IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clipwise_member') THEN
               CREATE ROLE clipwise_member NOLOGIN;
             END IF;
           END $$;
           GRANT clipwise_member TO ${role};`,
        )
      }
      // The database's owner (here the superuser) migrates once, as an admin would.
      const client = new pg.Client({ connectionString: socketUrl('postgres', database) })
      await client.connect()
      try {
        await migrateTeamSchema(client)
      } finally {
        await client.end()
      }
    },
    stop(mode = 'fast') {
      if (stopped) return
      ctl(['-m', mode, '-w', 'stop'])
      stopped = true
    },
    start() {
      if (!stopped) return
      start()
      stopped = false
    },
    destroy() {
      try {
        if (!stopped) ctl(['-m', 'immediate', '-w', 'stop'])
      } catch {
        // Already gone.
      }
      stopped = true
      rmSync(root, { recursive: true, force: true })
    },
  }
  return cluster

  async function admin(database: string, sql: string, params?: unknown[]) {
    const client = new pg.Client({ connectionString: socketUrl('postgres', database) })
    await client.connect()
    try {
      return await client.query(sql, params)
    } finally {
      await client.end()
    }
  }
}
