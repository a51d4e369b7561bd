/** What the browser tests copy: a TypeScript helper worth saving. */
export const SNIPPET = `export function debounce<T extends (...args: unknown[]) => void>(fn: T, waitMs = 200) {
  let timer: ReturnType<typeof setTimeout> | undefined
  return (...args: Parameters<T>) => {
    clearTimeout(timer)
    timer = setTimeout(() => fn(...args), waitMs)
  }
}
`
/** Renamed identifiers: the same token shape, so the embedded engine offers the saved snippet. */
export const VARIANT = SNIPPET.replaceAll('waitMs', 'delayMs')
