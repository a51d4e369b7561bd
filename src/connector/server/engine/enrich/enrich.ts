import type { Enrichment } from '../contracts'
import type { ClassifierLoader } from '../language/classifier'
import { normalizeSnippet } from '../normalize'

/** Enrichment of snippets about to be saved. */
export function createEnricher(_load?: ClassifierLoader) {
  return {
    async enrich(text: string, hint?: { language?: string; name?: string }): Promise<Enrichment> {
      const first = normalizeSnippet(text).split('\n')[0] ?? ''
      return {
        text,
        language: hint?.language ?? 'txt',
        generic: 'CODE',
        name: hint?.name ?? first.slice(0, 60),
        tags: [],
        sensitives: [],
      }
    },
  }
}
