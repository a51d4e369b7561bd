/** A function that POSTs JSON to a running connector at `base()` (read at call time). */
export function jsonPoster(base: () => string) {
  return (path: string, body: unknown): Promise<Response> =>
    fetch(`${base()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
}
