import { HttpError } from './errors'

/** 410: the asset existed and was deleted (the SDK documents Gone for reads of one). */
export class GoneError extends HttpError {
  constructor(id: string) {
    super(410, 'GONE', `Asset ${id} was deleted.`)
    this.name = 'GoneError'
  }
}

/** 501: the route would run a language model, and Clipwise has none. */
export class NoLanguageModelError extends HttpError {
  constructor(what: string) {
    super(
      501,
      'NO_LANGUAGE_MODELS',
      `${what} needs a language model, and Clipwise has none: it saves, finds and suggests ` +
        'snippets on this computer only. Use Pieces OS for Copilot, chats and generated answers.',
    )
    this.name = 'NoLanguageModelError'
  }
}
