import { Value } from 'typebox/value'
import { invokeChannels, type InvokeMethod, type IpcFailure, type IpcReply } from '../shared/ipc'
import { isOurPage, type RendererLocation } from './renderer-location'

/** The parts of an IPC event the guard looks at (a subset of Electron's `IpcMainInvokeEvent`). */
export interface SenderInfo {
  sender: { id: number }
  senderFrame: { url: string; parent: unknown } | null
}

/** Thrown back to the renderer when a message is refused; `code` is stable. */
export class IpcRefusedError extends Error {
  constructor(
    readonly code: 'UNTRUSTED_SENDER' | 'BAD_REQUEST',
    message: string,
  ) {
    super(message)
    this.name = 'IpcRefusedError'
  }
}

/** Why a sender is refused, or undefined when it is our tray window's main frame. */
export function senderProblem(
  event: SenderInfo,
  trusted: { webContentsId: number | undefined; location: RendererLocation },
): string | undefined {
  const frame = event.senderFrame
  if (!frame) return 'the sending frame is gone'
  if (trusted.webContentsId === undefined || event.sender.id !== trusted.webContentsId) {
    return 'the sender is not the tray window'
  }
  if (frame.parent !== null && frame.parent !== undefined) return 'the sender is a subframe'
  if (!isOurPage(frame.url, trusted.location)) return `the sender's page is not ours (${frame.url})`
  return undefined
}

/** Checks a payload against the channel's request schema; throws `BAD_REQUEST` when it fails. */
export function checkPayload(method: InvokeMethod, payload: unknown): void {
  const { channel, request } = invokeChannels[method]
  if (!Value.Check(request, payload)) {
    const first = Value.Errors(request, payload)[0]
    const where = first ? ` at "${first.instancePath || '/'}": ${first.message}` : ''
    throw new IpcRefusedError('BAD_REQUEST', `Invalid request for ${channel}${where}.`)
  }
}

/** Wraps a handler so it runs only for our window's main frame and a valid payload. */
export function guardHandler<T>(
  method: InvokeMethod,
  trusted: () => { webContentsId: number | undefined; location: RendererLocation },
  handler: (payload: never) => Promise<T> | T,
): (event: SenderInfo, payload: unknown) => Promise<T> {
  return async (event, payload) => {
    const problem = senderProblem(event, trusted())
    if (problem) {
      throw new IpcRefusedError(
        'UNTRUSTED_SENDER',
        `Refused ${invokeChannels[method].channel}: ${problem}.`,
      )
    }
    checkPayload(method, payload)
    return handler(payload as never)
  }
}

/** Runs a handler and turns its outcome into the reply that crosses IPC, so the renderer gets
 * the error's stable code and not only its text (all Electron would pass of a thrown error). */
export async function toReply<T>(work: () => Promise<T>): Promise<IpcReply<T>> {
  try {
    return { ok: true, value: await work() }
  } catch (error) {
    const failure = ipcFailure(error)
    if (failure.code === 'INTERNAL_ERROR') console.error('Clipwise: an IPC handler failed:', error)
    return { ok: false, error: failure }
  }
}

/** The failure for a thrown value: its own string `code`, or INTERNAL_ERROR for a plain bug. */
export function ipcFailure(error: unknown): IpcFailure {
  const code: unknown =
    typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined
  return {
    name: 'ClipwiseError',
    code: typeof code === 'string' && code !== '' ? code : 'INTERNAL_ERROR',
    message: error instanceof Error ? error.message : String(error),
  }
}
