import x11 from 'x11'

// XFixes SelectSelectionInput through the pure-JS `x11` client: the X server tells us when the
// CLIPBOARD owner changes, so nothing is polled or spawned while the clipboard is idle.

export interface SelectionEvents {
  /** Counts owner changes of the selection (a cheap change token). */
  changes(): number
  onChange(listener: () => void): () => void
  close(): void
}

/** Subscribes to owner changes of an X selection; rejects when X or XFixes is unavailable. */
export function watchSelection(display: string, selection = 'CLIPBOARD'): Promise<SelectionEvents> {
  return new Promise((resolve, reject) => {
    let settled = false
    const fail = (error: unknown) => {
      if (!settled) {
        settled = true
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    }
    const connection = x11.createClient({ display }, (err, dpy) => {
      if (err) return fail(err)
      const X = dpy.client
      const root = dpy.screen[0]?.root
      if (root === undefined) return fail(new Error('The X display has no screen.'))
      X.on('error', fail)
      X.require('fixes', (fixesErr, fixes) => {
        if (fixesErr) return fail(fixesErr)
        X.InternAtom(false, selection, (atomErr, atom) => {
          if (atomErr) return fail(atomErr)
          const window = X.AllocID()
          X.CreateWindow(window, root, 0, 0, 1, 1)
          fixes.SelectSelectionInput(window, atom, fixes.SelectionEventMask.SetSelectionOwner)
          let count = 0
          const listeners = new Set<() => void>()
          X.on('event', (event) => {
            if (event.name === 'SelectionNotify' && event.selection === atom) {
              count++
              for (const listener of listeners) listener()
            }
          })
          settled = true
          resolve({
            changes: () => count,
            onChange(listener) {
              listeners.add(listener)
              return () => listeners.delete(listener)
            },
            close() {
              listeners.clear()
              X.terminate?.()
            },
          })
        })
      })
    })
    connection.on('error', fail)
  })
}
