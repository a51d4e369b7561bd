/** Messages between main and the embedded connector's utility process. */

/** The team library for the connector (its password decrypted by main, sent over the port). */
export interface TeamMessage {
  url: string
  password?: string
  displayName?: string
  shareNewSaves: boolean
}

/** Main → connector process. */
export type ToConnector =
  | { type: 'start'; dataDir: string; team?: TeamMessage }
  | { type: 'team'; team?: TeamMessage }
  | { type: 'stop' }

/** Connector process → main. */
export type FromConnector =
  { type: 'ready'; url: string } | { type: 'failed'; message: string } | { type: 'stopped' }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

/** Reads a message sent to the connector process; undefined when malformed. */
export function parseToConnector(data: unknown): ToConnector | undefined {
  if (!isRecord(data)) return undefined
  if (data.type === 'stop') return { type: 'stop' }
  const team = parseTeam(data.team)
  if (team === null) return undefined
  if (data.type === 'start' && typeof data.dataDir === 'string' && data.dataDir.length > 0) {
    return { type: 'start', dataDir: data.dataDir, ...(team && { team }) }
  }
  if (data.type === 'team') return { type: 'team', ...(team && { team }) }
  return undefined
}

/** A team member of a message: undefined when absent, null when malformed. */
function parseTeam(data: unknown): TeamMessage | undefined | null {
  if (data === undefined) return undefined
  if (!isRecord(data) || typeof data.url !== 'string' || !/^postgres(ql)?:\/\//.test(data.url)) {
    return null
  }
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined)
  const password = text(data.password)
  const displayName = text(data.displayName)
  return {
    url: data.url,
    shareNewSaves: data.shareNewSaves === true,
    ...(password && { password }),
    ...(displayName && { displayName }),
  }
}

/** Reads a message from the connector process; a `ready` URL must be loopback HTTP. */
export function parseFromConnector(data: unknown): FromConnector | undefined {
  if (!isRecord(data)) return undefined
  if (data.type === 'stopped') return { type: 'stopped' }
  if (data.type === 'failed') {
    return {
      type: 'failed',
      message: typeof data.message === 'string' ? data.message : 'unknown error',
    }
  }
  if (
    data.type === 'ready' &&
    typeof data.url === 'string' &&
    /^http:\/\/127\.0\.0\.1:\d+\/?$/.test(data.url)
  ) {
    return { type: 'ready', url: data.url }
  }
  return undefined
}
