/** A tray action that cannot be carried out now; `message` says what to do instead. */
export class ActionError extends Error {
  override readonly name = 'ActionError'
  readonly code:
    | 'STALE_SUGGESTION'
    | 'ALREADY_DONE'
    | 'NOTHING_TO_UNDO'
    | 'UNKNOWN_ASSET'
    | 'CONNECTOR_UNAVAILABLE'
    | 'QUEUE_UNWRITABLE'
    | 'INVALID_REQUEST'

  constructor(code: ActionError['code'], message: string, options: { cause?: unknown } = {}) {
    super(message, options)
    this.code = code
  }
}
