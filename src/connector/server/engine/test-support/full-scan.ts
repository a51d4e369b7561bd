import { createEngine, normalizeSnippet, reuseMatch, type EngineOptions, type ReuseMatch } from '..'
import { createNearIndex } from '../reuse/near-index'
import { sketchOf } from '../reuse/sketch'

/**
 * An engine, and an exact re-score of every asset in its index (brute force): the ground truth
 * benchmarks and recall tests compare `match` with. Not part of the engine's interface, so the app
 * does not ship it.
 */
export function createScannableEngine(options: Omit<EngineOptions, 'index'> = {}) {
  const index = createNearIndex()
  const engine = createEngine({ ...options, index })
  return Object.assign(engine, {
    scanAll(text: string, limit = 5): ReuseMatch[] {
      return index
        .scan(sketchOf(normalizeSnippet(text)))
        .slice(0, limit)
        .map(reuseMatch)
    },
  })
}
