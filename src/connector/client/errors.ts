/** Stable codes of every failure the connector client reports. */
export type ConnectorErrorCode =
  | 'CONNECTOR_UNAVAILABLE'
  | 'NOT_CONNECTED'
  | 'BAD_REQUEST'
  | 'TIMEOUT'
  | 'NOT_FOUND'
  | 'SERVER_ERROR'
  | 'BAD_RESPONSE'
  | 'ABORTED'

/** A connector call that failed, with a stable code and a sentence a person can act on. */
export class ConnectorError extends Error {
  override readonly name = 'ConnectorError'
  readonly code: ConnectorErrorCode
  /** HTTP status when the connector answered. */
  readonly status?: number

  constructor(
    code: ConnectorErrorCode,
    message: string,
    options: { cause?: unknown; status?: number } = {},
  ) {
    super(message, { cause: options.cause })
    this.code = code
    this.status = options.status
  }
}

/** True when the failure means the connector could not be reached at all (worth queueing). */
export function isUnreachable(error: unknown): boolean {
  return (
    error instanceof ConnectorError &&
    (error.code === 'CONNECTOR_UNAVAILABLE' || error.code === 'TIMEOUT')
  )
}

/** The `{ code, message }` pair the UI shows. */
export function toErrorInfo(error: unknown): { code: string; message: string } {
  if (error instanceof ConnectorError) return { code: error.code, message: error.message }
  const code =
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
      ? error.code
      : 'INTERNAL'
  const message = error instanceof Error ? error.message : String(error)
  return { code, message }
}
