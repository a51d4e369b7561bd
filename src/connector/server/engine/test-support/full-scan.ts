import { createEngine, normalizeSnippet, reuseMatch, type EngineOptions, type ReuseMatch } from '..'
import { createNearIndex, inspectNearIndex, type Scored } from '../reuse/near-index'
import { sketchOf } from '../reuse/sketch'

/**
 * An engine, and an exact re-score of every asset in its index (brute force): the ground truth
 * benchmarks and recall tests compare `match` with. Not part of the engine's interface, so the app
 * does not ship it.
 */
export function createScannableEngine(options: Omit<EngineOptions, 'index'> = {}) {
  const index = createNearIndex()
  const engine = createEngine({ ...options, index })
  const inside = inspectNearIndex(index)
  return Object.assign(engine, {
    scanAll(text: string, limit = 5): ReuseMatch[] {
      const score = inside.scorer(sketchOf(normalizeSnippet(text)))
      const out: Scored[] = []
      for (let slot = 0; slot < inside.slots; slot++) {
        const scored = score(slot)
        if (scored) out.push(scored)
      }
      return out
        .sort((a, b) => b.rank - a.rank)
        .slice(0, limit)
        .map(reuseMatch)
    },
  })
}
