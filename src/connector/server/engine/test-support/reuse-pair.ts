import { createEngine } from '..'

/**
 * The best match for `copy` in a library of `saved` and one unrelated neighbour of a common shape
 * (so the saved snippet has to win on its own merits), and whether the engine calls it reuse.
 */
export function bestFor(saved: string, copy: string) {
  const engine = createEngine()
  engine.add('saved', engine.fingerprint(saved))
  engine.add('other', engine.fingerprint('int total = 0;\nfor (int i = 0; i < n; i++) total += i;'))
  const best = engine.match(copy, 1)[0]
  return { best, reuse: engine.isReuse(best) }
}

/** Lines joined into a snippet. */
export const lines = (...l: string[]): string => l.join('\n')
