import { useEffect, useRef } from 'react'

/**
 * Window-level key handling that always sees the latest handler. Views listen on `document` and
 * the shell on `window`, so a view's handler runs first and can claim a key with preventDefault.
 */
export function useKeys(
  handler: (event: KeyboardEvent) => void,
  target: 'document' | 'window' = 'document',
): void {
  const latest = useRef(handler)
  useEffect(() => {
    latest.current = handler
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => latest.current(event)
    if (target === 'document') {
      document.addEventListener('keydown', listener)
      return () => document.removeEventListener('keydown', listener)
    }
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [target])
}
