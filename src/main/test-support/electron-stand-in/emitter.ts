import { EventEmitter } from 'node:events'

/**
 * Event methods shaped like Electron's: they return `this`, which Electron's declarations type as
 * the whole Electron class (`App`, `Tray`…). A stand-in is only part of that class, so `Self`
 * names what `on` returns and the one cast lives here; event names and listener shapes still come
 * from electron.d.ts through the `Pick`s each stand-in implements.
 */
export class StandInEmitter<Self> {
  readonly events = new EventEmitter()

  on(event: string, listener: (...args: never[]) => unknown): Self {
    this.events.on(event, listener as (...args: unknown[]) => void)
    return this as unknown as Self
  }

  once(event: string, listener: (...args: never[]) => unknown): Self {
    this.events.once(event, listener as (...args: unknown[]) => void)
    return this as unknown as Self
  }

  removeListener(event: string, listener: (...args: never[]) => unknown): Self {
    this.events.removeListener(event, listener as (...args: unknown[]) => void)
    return this as unknown as Self
  }

  /** Plays the event Electron would emit (for the stand-in and the tests driving it). */
  emit(event: string, ...args: unknown[]): boolean {
    return this.events.emit(event, ...args)
  }
}

/** An Electron-style event whose default can be prevented. */
export function preventableEvent(): { event: Electron.Event; prevented: () => boolean } {
  let prevented = false
  const event = {
    preventDefault: () => {
      prevented = true
    },
    get defaultPrevented() {
      return prevented
    },
  } as unknown as Electron.Event
  return { event, prevented: () => prevented }
}
