import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { MEASURED_LANGUAGES } from '../../../../shared/languages'
import { isRightLanguage, languageSamples } from '../test-support/real-samples'

// One engine (one model load) for the file.
const engine = createEngine()
// Held-out files of named packages (`sample-sources.ts`; `bash .ci/samples` installs them).
const { samples, from, missing } = languageSamples(8)

/** Share to reach per language on 8 snippets (the quality bench measures 60 per language). */
const MIN_RIGHT = 0.75

describe('language detection on real files of each language', () => {
  for (const lang of MEASURED_LANGUAGES) {
    const mine = samples.filter((s) => s.lang === lang)
    const few = mine.length < 3
    const title = few
      ? `recognises ${lang} (skipped: ${missing.get(lang) ?? `${mine.length} snippet(s) of it here, too few to judge`})`
      : `recognises ${lang} in ${(from.get(lang) ?? []).slice(0, 3).join(', ')}`
    it.skipIf(few)(title, async () => {
      const answers = await Promise.all(
        mine.map(async (s) => (await engine.enrich(s.text)).language),
      )
      const right = mine.filter((s, i) => isRightLanguage(s, answers[i] ?? '')).length
      // A .ts snippet without TypeScript-only syntax is valid JavaScript: `js` counts as right.
      expect(right / mine.length).toBeGreaterThanOrEqual(MIN_RIGHT)
    })
  }

  it('tells C++ from C by its headers, `this` and class-qualified definitions', async () => {
    const cpp = [
      '#include <ext/pb_ds/detail/types_traits.hpp>',
      '',
      'PB_DS_CLASS_T_DEC',
      'void',
      'PB_DS_CLASS_C_DEC::',
      'clear()',
      '{',
      '  if (this->m_size == 0) return;',
      '  deallocate_all();',
      '}',
    ].join('\n')
    expect((await engine.enrich(cpp)).language).toBe('cpp')
  })

  it('knows PHP by its backslash namespaces and runtime checks', async () => {
    // The opening of a protocol-buffer module of Google's App Engine PHP SDK.
    const php = [
      'namespace dummy {',
      "  if (!defined('GOOGLE_APPENGINE_CLASSLOADER')) {",
      "    require_once 'google/appengine/runtime/proto/ProtocolMessage.php';",
      '  }',
      '}',
      'namespace google\\appengine\\MailServiceError {',
      '  class ErrorCode {',
      '    const OK = 0;',
      '    const INTERNAL_ERROR = 1;',
      '  }',
      '}',
    ].join('\n')
    expect((await engine.enrich(php)).language).toBe('php')
  })

  it('answers txt for prose rather than guessing', async () => {
    const prose =
      'Thanks for the review. I will update the pull request tomorrow morning and ping you again.'
    expect((await engine.enrich(prose)).language).toBe('txt')
    expect((await engine.enrich(prose)).generic).toBe('TEXT')
  })
})

describe('names and tags', () => {
  it('names a function after its declaration and tags its imports', async () => {
    const code =
      "import { z } from 'zod'\nimport express from 'express'\n\nexport async function createUser(req, res) {\n  const body = z.object({ name: z.string() }).parse(req.body)\n  res.json(body)\n}"
    const e = await engine.enrich(code)
    expect(e.name).toBe('createUser')
    expect(e.tags).toEqual(expect.arrayContaining(['zod', 'express']))
    expect(e.tags).toContain(e.language)
  })

  it('names a Python class and tags its imports', async () => {
    const code =
      'import os\nfrom collections import OrderedDict\n\nclass Cache(OrderedDict):\n    def __init__(self, size):\n        super().__init__()\n        self.size = size\n'
    const e = await engine.enrich(code)
    expect(e.language).toBe('py')
    expect(e.name).toBe('Cache')
    expect([...e.tags].sort()).toEqual(['collections', 'os', 'py'])
  })

  it('falls back to the first meaningful comment, then to language and first line', async () => {
    const commented =
      '# Rotate the logs every night\nfind /var/log/app -name "*.log" -mtime +7 -delete\n'
    expect((await engine.enrich(commented)).name).toBe('Rotate the logs every night')
    const bare = 'SELECT id, name FROM users WHERE active = 1 ORDER BY name'
    expect((await engine.enrich(bare)).name).toMatch(/^sql · SELECT id, name/)
  })
})
