import {
  isTeamUrl,
  urlHasPassword,
  type TeamOptions,
  type TeamStatus,
} from '../connector/server/team'
import { UsageError } from './command'

/** The connector command's team flags. */
export const TEAM_OPTIONS = {
  team: { type: 'string' },
  'team-name': { type: 'string' },
  'share-new-saves': { type: 'boolean' },
} as const

export const TEAM_HELP = `  --team URL       a team library to sync with (postgres://[user@]host[:port]/db[?sslmode=…]);
                   the password comes from PGPASSWORD or ~/.pgpass (PGPASSFILE), as for psql
  --team-name NAME the name teammates see on your snippets (default: your PostgreSQL role)
  --share-new-saves
                   share every new save with the team (a snippet holding a secret never is)
`

/** Team options from the connector command's flags; throws a UsageError on a mistake. */
export function teamFromArgs(values: {
  team?: string
  'team-name'?: string
  'share-new-saves'?: boolean
}): TeamOptions | undefined {
  if (values.team === undefined) {
    if (values['team-name'] || values['share-new-saves']) {
      throw new UsageError('--team-name and --share-new-saves need --team postgres://….')
    }
    return undefined
  }
  if (!isTeamUrl(values.team)) {
    throw new UsageError(
      `--team must be a postgres:// URL such as postgres://alex@db.example.com/snippets, not "${values.team}".`,
    )
  }
  if (urlHasPassword(values.team)) {
    process.stderr.write(
      'Warning: the password in --team is visible to other programs on this computer; prefer PGPASSWORD or ~/.pgpass.\n',
    )
  }
  return {
    url: values.team,
    shareNewSaves: values['share-new-saves'] === true,
    ...(values['team-name'] && { displayName: values['team-name'] }),
  }
}

/** One stderr line per change of the team sync's state. */
export function teamStatusLine(status: TeamStatus): string {
  const where = status.library?.name ?? status.where ?? 'team library'
  if (status.state === 'online') {
    return `Team library ${where}: synced as ${status.role ?? '?'} (${status.pending} waiting to send)`
  }
  if (status.state === 'offline') {
    return `Team library unreachable (${status.error ?? 'unknown error'}); everything local keeps working, ${status.pending} change(s) wait in the outbox`
  }
  return `Team library ${where}: ${status.state}…`
}
