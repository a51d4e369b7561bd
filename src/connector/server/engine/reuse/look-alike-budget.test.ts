import { describe, expect, it } from 'vitest'
import { createEngine, normalizeSnippet } from '../index'
import { findSources, sliceSnippets } from '../test-support/corpus'
import { scanIndex } from '../test-support/full-scan'
import { seededRandom } from '../test-support/variants'
import { createNearIndex } from './near-index'
import { sketchOf } from './sketch'

// Python's codec modules are generated from one template and differ in the codec's name and its
// table: cut into snippets, they make families of look-alikes larger than the re-score budget.
const random = seededRandom(12)
const pick = (n: number): number => Math.floor(random() * n)
const word = (): string =>
  Array.from({ length: 2 + pick(7) }, () => String.fromCharCode(97 + pick(26))).join('')
const hex = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0')
function codecModule(name: string): string {
  const table = Array.from({ length: 40 }, (_, i) => {
    const code = 0x80 + pick(0x2000)
    return `    '\\u${hex(code)}'   #  0x${hex(0x80 + i).slice(2)} -> ${word().toUpperCase()} ${word().toUpperCase()}`
  })
  return [
    `""" Python Character Mapping Codec ${name} generated from 'MAPPINGS/${name.toUpperCase()}.TXT' with gencodec.py.`,
    '',
    '"""#"',
    '',
    'import codecs',
    '',
    '### Codec APIs',
    '',
    'class Codec(codecs.Codec):',
    '',
    "    def encode(self,input,errors='strict'):",
    '        return codecs.charmap_encode(input,errors,encoding_table)',
    '',
    "    def decode(self,input,errors='strict'):",
    '        return codecs.charmap_decode(input,errors,decoding_table)',
    '',
    'class IncrementalEncoder(codecs.IncrementalEncoder):',
    '    def encode(self, input, final=False):',
    '        return codecs.charmap_encode(input,self.errors,encoding_table)[0]',
    '',
    'class IncrementalDecoder(codecs.IncrementalDecoder):',
    '    def decode(self, input, final=False):',
    '        return codecs.charmap_decode(input,self.errors,decoding_table)[0]',
    '',
    'class StreamWriter(Codec,codecs.StreamWriter):',
    '    pass',
    '',
    'class StreamReader(Codec,codecs.StreamReader):',
    '    pass',
    '',
    '### encodings module API',
    '',
    'def getregentry():',
    '    return codecs.CodecInfo(',
    `        name='${name}',`,
    '        encode=Codec().encode,',
    '        decode=Codec().decode,',
    '        incrementalencoder=IncrementalEncoder,',
    '        incrementaldecoder=IncrementalDecoder,',
    '        streamreader=StreamReader,',
    '        streamwriter=StreamWriter,',
    '    )',
    '',
    '',
    '### Decoding Table',
    '',
    'decoding_table = (',
    ...table,
    ')',
  ].join('\n')
}
const lines = (text: string): string[] => text.split('\n')
/** The module's registration code, without its table. */
const code = (name: string): string => lines(codecModule(name)).slice(30, 43).join('\n')
/** The start of the module's table: what makes each window of a codec its own. */
const table = (name: string, n: number): string =>
  lines(codecModule(name))
    .slice(45, 45 + n)
    .join('\n')

describe('a family of look-alikes larger than the re-score budget', () => {
  const index = createNearIndex()
  const engine = createEngine({ index })
  // 60 windows of codec modules: the same code, each with 8 lines of its own table. They share
  // as much with a copy as its original does, and are as near it in size, so they came first...
  const family = Array.from(
    { length: 60 },
    (_, i) => `${code('cp437')}\n${table(`cp${800 + i}`, 8)}`,
  )
  const others = findSources(['node_modules'], ['js', 'ts'], 300, 8)
    .flatMap((f) => sliceSnippets(f.text, 8, 30))
    .slice(0, 1000)
  ;[...family, ...others].forEach((text, i) =>
    engine.add(`look-alike-${i}`, engine.fingerprint(text)),
  )
  // ...and the code alone, saved three times (three copies of the package).
  const originals = ['original-0', 'original-1', 'original-2']
  for (const id of originals) engine.add(id, engine.fingerprint(code('cp437')))

  it('answers the code copied with a table of its own with the code saved alone', () => {
    const copy = `${code('cp437')}\n${table('cp999', 8)}`
    const best = scanIndex(index, sketchOf(normalizeSnippet(copy))).slice(0, 4)
    // The scan of every asset: the three originals, clearly above any look-alike.
    expect(
      best
        .slice(0, 3)
        .map((m) => m.assetId)
        .sort(),
    ).toEqual(originals)
    expect(best[2]?.similarity ?? 0).toBeGreaterThan((best[3]?.similarity ?? 1) + 0.05)
    const answer = engine.match(copy, 10)
    expect(
      answer
        .slice(0, 3)
        .map((m) => m.assetId)
        .sort(),
    ).toEqual(originals)
    expect(answer[0]?.similarity).toBe(best[0]?.similarity)
  })
})
