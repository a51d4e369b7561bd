import type { Frame, Page } from 'playwright-core'
import type { SenderFrame } from './ipc'

type Api = Record<string, unknown>

/** Electron's `contextBridge` for one window: the preload's objects, kept on the Node side. */
export class StandInContextBridge implements Pick<Electron.ContextBridge, 'exposeInMainWorld'> {
  readonly exposed = new Map<string, Api>()

  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (this.exposed.has(apiKey))
      throw new Error(`Cannot bind an API on top of an existing property on the window object`)
    this.exposed.set(apiKey, api as Api)
  }
}

/** Marks a page function passed as an argument, and a function handed back (an unsubscribe). */
type Crossing = { standInCallback: number } | { standInFunction: number }

/**
 * Gives the page what the preload exposed: each `window[key][method](...)` runs the preload's own
 * function in Node, through one Playwright binding, inside `asSender` (so the IPC it sends carries
 * the calling frame). Page functions passed in (listeners) are called back in their frame; a
 * function returned (an unsubscribe) comes back as a page function. Like the real bridge, values
 * are copied both ways and a thrown Error keeps only its message.
 */
export async function exposeToPage(
  page: Page,
  bridge: StandInContextBridge,
  asSender: <T>(frame: SenderFrame, run: () => T) => T,
): Promise<void> {
  const returned = new Map<number, () => unknown>()
  let nextId = 1
  const senderFrame = (frame: Frame): SenderFrame => {
    const parent = frame.parentFrame()
    return { url: frame.url(), parent: parent ? { url: parent.url() } : null }
  }
  await page.exposeBinding(
    '__standInBridgeCall',
    async ({ frame }, key: string, method: string, args: unknown[]) => {
      const fn = bridge.exposed.get(key)?.[method]
      if (typeof fn !== 'function') throw new Error(`${key}.${method} is not a function`)
      const realArgs = args.map((arg) =>
        isCrossing(arg) && 'standInCallback' in arg
          ? pageFunction(frame, arg.standInCallback)
          : arg,
      )
      const result: unknown = await asSender(senderFrame(frame), () =>
        (fn as (...a: unknown[]) => unknown)(...realArgs),
      )
      if (typeof result !== 'function') return result
      const id = nextId++
      returned.set(id, result as () => unknown)
      return { standInFunction: id } satisfies Crossing
    },
  )
  await page.exposeBinding('__standInBridgeRelease', async (_source, id: number) => {
    const fn = returned.get(id)
    returned.delete(id)
    await fn?.()
  })
  const shape = [...bridge.exposed].map(([key, api]) => ({
    key,
    methods: Object.keys(api).filter((name) => typeof api[name] === 'function'),
  }))
  await page.addInitScript(installInPage, shape)
}

function isCrossing(value: unknown): value is Crossing {
  return (
    typeof value === 'object' &&
    value !== null &&
    ('standInCallback' in value || 'standInFunction' in value)
  )
}

/** A Node function that calls the page function registered under `id` in `frame`. */
function pageFunction(frame: Frame, id: number) {
  return (...args: unknown[]) => {
    frame
      .evaluate(
        ([callbackId, values]) => {
          const scope = globalThis as unknown as {
            __standInCallbacks?: Map<number, (...a: unknown[]) => void>
          }
          scope.__standInCallbacks?.get(callbackId)?.(...values)
        },
        [id, args] as const,
      )
      .catch(() => {
        // The frame navigated or closed: its listeners went with it.
      })
  }
}

/** Runs in every frame of the page before its own scripts (Playwright's init script). */
function installInPage(shape: { key: string; methods: string[] }[]) {
  type Binding = (...args: unknown[]) => Promise<unknown>
  const scope = globalThis as unknown as Record<string, unknown> & {
    __standInCallbacks: Map<number, (...a: unknown[]) => void>
    __standInBridgeCall: Binding
    __standInBridgeRelease: Binding
  }
  const callbacks = new Map<number, (...a: unknown[]) => void>()
  scope.__standInCallbacks = callbacks
  let nextCallback = 1
  for (const { key, methods } of shape) {
    const api: Record<string, unknown> = {}
    for (const method of methods) {
      api[method] = (...args: unknown[]) => {
        const ids: number[] = []
        const sent = args.map((arg) => {
          if (typeof arg !== 'function') return arg
          const id = nextCallback++
          callbacks.set(id, arg as (...a: unknown[]) => void)
          ids.push(id)
          return { standInCallback: id }
        })
        const pending = scope.__standInBridgeCall(key, method, sent)
        // A call that passes a listener is a subscription: like the preload's onState it returns
        // its unsubscribe at once (which releases the Node side when that has answered).
        if (ids.length === 0) return pending
        return () => {
          ids.forEach((id) => callbacks.delete(id))
          void pending.then((result) => {
            const handle = result as { standInFunction?: number } | undefined
            if (handle?.standInFunction) void scope.__standInBridgeRelease(handle.standInFunction)
          })
        }
      }
    }
    Object.defineProperty(globalThis, key, { value: Object.freeze(api), enumerable: true })
  }
}
