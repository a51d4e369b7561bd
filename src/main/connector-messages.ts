/** Messages between main and the embedded connector's utility process. */

/** Main → connector process. */
export type ToConnector = { type: 'start'; dataDir: string } | { type: 'stop' }

/** Connector process → main. */
export type FromConnector =
  { type: 'ready'; url: string } | { type: 'failed'; message: string } | { type: 'stopped' }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

/** Reads a message sent to the connector process; undefined when malformed. */
export function parseToConnector(data: unknown): ToConnector | undefined {
  if (!isRecord(data)) return undefined
  if (data.type === 'stop') return { type: 'stop' }
  if (data.type === 'start' && typeof data.dataDir === 'string' && data.dataDir.length > 0) {
    return { type: 'start', dataDir: data.dataDir }
  }
  return undefined
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
