import { createEngine, normalizeSnippet, reuseMatch, type EngineOptions, type ReuseMatch } from '..'
import { createNearIndex, inspectNearIndex, type NearIndex, type Scored } from '../reuse/near-index'
import { sketchOf, type Sketch } from '../reuse/sketch'

/** Every live slot of `index` re-scored exactly against `sketch`, best first (brute force). */
export function scanIndex(index: NearIndex, sketch: Sketch): Scored[] {
  const inside = inspectNearIndex(index)
  const score = inside.scorer(sketch)
  const out: Scored[] = []
  for (let slot = 0; slot < inside.slots; slot++) {
    const scored = score(slot)
    if (scored) out.push(scored)
  }
  return out.sort((a, b) => b.rank - a.rank)
}

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
      return scanIndex(index, sketchOf(normalizeSnippet(text)))
        .slice(0, limit)
        .map(reuseMatch)
    },
  })
}
