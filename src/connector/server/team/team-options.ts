import { userInfo } from 'node:os'
import type { ClientConfig } from 'pg'
import { parse, parseIntoClientConfig } from 'pg-connection-string'

/** How a connector reaches its team library. */
export interface TeamOptions {
  /** `postgres://[user@]host[:port]/database[?sslmode=…]`; a password in it is used, never stored. */
  url: string
  /** The password, when the front end keeps it (the tray's safeStorage); else PGPASSWORD/.pgpass. */
  password?: string
  /** The name teammates see on this user's snippets (default: the PostgreSQL role). */
  displayName?: string
  /** The setting "share new saves with the team". */
  shareNewSaves: boolean
  /** Reconnect delays in ms: the first, doubling up to the last (defaults 500 and 5,000). */
  retryMs?: { min: number; max: number }
  /** Pull even without a notification this often, in ms (default 30,000). */
  pollMs?: number
  /** Rows per pulled batch (default 2,000). */
  pullBatch?: number
}

/** A team URL that cannot be used; the message says why. */
export class TeamUrlError extends Error {
  override readonly name = 'TeamUrlError'
}

/** Whether a string is a PostgreSQL URL this connector accepts. */
export function isTeamUrl(url: string): boolean {
  return /^postgres(ql)?:\/\/[^\s]*$/.test(url)
}

/**
 * The URL for `pg`, with libpq's meaning of `sslmode` (`require` encrypts without checking the
 * certificate, `verify-full` checks it) unless the URL already chose.
 */
export function clientConfig(options: Pick<TeamOptions, 'url' | 'password'>): ClientConfig {
  if (!isTeamUrl(options.url)) {
    throw new TeamUrlError(
      `The team library URL must start with postgres:// (got "${redactUrl(options.url)}").`,
    )
  }
  let url = options.url
  if (/[?&]sslmode=/.test(url) && !/[?&]uselibpqcompat=/.test(url)) {
    url += `${url.includes('?') ? '&' : '?'}uselibpqcompat=true`
  }
  // Parsed here rather than handed over as `connectionString`, which would override `password`.
  const parsed = parseIntoClientConfig(url)
  return {
    ...parsed,
    ...(options.password !== undefined && { password: options.password }),
    application_name: 'clipwise',
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    query_timeout: 60_000,
  }
}

/** The URL as it may be shown or logged: any password replaced. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@\s]*):[^@/\s]*@/i, '$1:***@')
}

/** Whether the URL carries a password (the settings file must never hold one). */
export function urlHasPassword(url: string): boolean {
  return /^[a-z]+:\/\/[^/@\s]*:[^@/\s]*@/i.test(url)
}

/** The role the connection will log in as, as libpq picks it (URL, PGUSER, then the OS user). */
export function expectedRole(url: string, env: NodeJS.ProcessEnv = process.env): string {
  try {
    const user = parse(url).user
    if (user) return user
  } catch {
    // Not a URL: the connection will say so.
  }
  return env.PGUSER || userInfo().username
}

/** A short "where" for people: host and database, never credentials. */
export function describeLibrary(url: string): string {
  try {
    const { database, host, port } = parse(url)
    const where = host ? `${host}${port && !host.startsWith('/') ? `:${port}` : ''}` : 'localhost'
    return `${database || 'postgres'} on ${where}`
  } catch {
    return 'the team library'
  }
}

/** The options for a front end's team settings, or undefined when no team library is set. */
export function teamOptionsFrom(
  settings: { url: string | null; displayName: string; shareNewSaves: boolean },
  password?: string,
): TeamOptions | undefined {
  if (!settings.url) return undefined
  return {
    url: settings.url,
    shareNewSaves: settings.shareNewSaves,
    ...(settings.displayName && { displayName: settings.displayName }),
    ...(password && { password }),
  }
}
