import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { languageSamples } from '../test-support/real-samples'
import { languageOf } from '../../../../shared/languages'
import { distinctSnippets, findSources, sliceSnippets } from '../test-support/corpus'

const engine = createEngine()
const fresh = { repeatCount: 0, alreadySaved: false }

const NEVER_SAVE: [string, string][] = [
  ['single word', 'useEffect'],
  ['number', '1234567.89'],
  ['URL', 'https://github.com/microsoft/vscode-languagedetection/blob/main/README.md'],
  ['file path', '/usr/lib/python3.11/json/decoder.py'],
  ['windows path', 'C:\\Users\\dev\\projects\\clipwise\\package.json'],
  ['e-mail', 'jane.doe+alerts@example.co.uk'],
  [
    'prose',
    'The connector stores every snippet locally and never sends it anywhere.\nIt suggests saving only when the copied text looks like code worth keeping.',
  ],
  [
    'node stack trace',
    "TypeError: Cannot read properties of undefined (reading 'map')\n    at render (/app/src/list.js:12:19)\n    at processChild (/app/node_modules/react-dom/cjs/react-dom.js:3043:14)",
  ],
  [
    'python traceback',
    'Traceback (most recent call last):\n  File "/app/main.py", line 3, in <module>\n    run()\nValueError: bad value',
  ],
]

describe('assessSave', () => {
  it.each(NEVER_SAVE)('never suggests saving a %s', (_kind, text) => {
    expect(engine.assessSave(text, fresh).suggested).toBe(false)
    expect(engine.assessSave(text, { repeatCount: 5, alreadySaved: false }).suggested).toBe(false)
  })

  it('suggests saving real functions from node_modules', () => {
    const snippets = distinctSnippets(
      findSources(
        ['node_modules/fastify/lib', 'node_modules/node-gyp/gyp/pylib/gyp'],
        ['js', 'py'],
        30,
        30,
      ).flatMap((f) => sliceSnippets(f.text, 8, 30)),
    ).filter((s) => /^\s*(?:function|def|class|async function)\b/m.test(s))
    expect(snippets.length).toBeGreaterThan(20)
    const suggested = snippets.filter((s) => engine.assessSave(s, fresh).suggested)
    expect(suggested.length / snippets.length).toBeGreaterThanOrEqual(0.9)
  })

  it('suggests saving function-sized real code in every measured language found here', () => {
    const { samples } = languageSamples(6, { perFile: 2, minLines: 3, maxLines: 30 })
    const snippets = samples.filter(
      (s) => languageOf(s.lang)?.measured === true && s.text.replace(/\s/g, '').length >= 40,
    )
    expect(snippets.length).toBeGreaterThan(50)
    const suggested = snippets.filter((s) => engine.assessSave(s.text, fresh).suggested)
    expect(suggested.length / snippets.length).toBeGreaterThanOrEqual(0.85)
  })

  it('does not suggest saving what is already saved', () => {
    const code = 'function add(a, b) {\n  return a + b\n}'
    expect(engine.assessSave(code, fresh)).toEqual({ suggested: true, reason: 'code' })
    expect(engine.assessSave(code, { repeatCount: 0, alreadySaved: true }).suggested).toBe(false)
  })

  it('takes a repeated copy of a short line as a stronger signal', () => {
    const line = 'const id = req.params.id'
    expect(engine.assessSave(line, fresh).suggested).toBe(false)
    expect(engine.assessSave(line, { repeatCount: 2, alreadySaved: false }).suggested).toBe(true)
  })
})
