import type { Enrichment } from '../contracts'
import type { ClassifierLoader } from '../language/classifier'
import { createLanguageDetector } from '../language/detect'
import { normalizeSnippet } from '../normalize'
import { redactSecrets, scanSecrets } from '../../../../shared/secrets'
import { nameOf, tagsOf } from './name-and-tags'

import { genericOf } from '../../../../shared/languages'

export { genericOf }

/** Enrichment of snippets about to be saved; the classifier loads on first use. */
export function createEnricher(load?: ClassifierLoader) {
  const detector = createLanguageDetector(load)
  return {
    /** Language, name, tags and redaction for a snippet about to be saved. */
    async enrich(text: string, hint?: { language?: string; name?: string }): Promise<Enrichment> {
      const sensitives = scanSecrets(text)
      const redacted = redactSecrets(text, sensitives)
      const normalized = normalizeSnippet(redacted)
      const language = hint?.language ?? (await detector.detect(normalized))
      return {
        text: redacted,
        language,
        generic: genericOf(language),
        name: hint?.name ?? nameOf(normalized, language),
        tags: tagsOf(normalized, language),
        sensitives,
      }
    },
    /** The language alone (used by the quality report). */
    detect(text: string): Promise<string> {
      return detector.detect(normalizeSnippet(text))
    },
  }
}
