import { describe, expect, it } from 'vitest'
import { bestFor, lines } from '../test-support/reuse-pair'

// A CommonJS export list: each item names one name twice under a frame kept as it is.
const exportsOf = (frame: string, names: string[]): string =>
  lines(...names.map((n) => `${frame}.${n} = ${n};`))

const saved = exportsOf('exports', [
  'assertBinary',
  'assertBinaryExpression',
  'assertBindExpression',
  'assertBlock',
  'assertBlockParent',
  'assertBlockStatement',
  'assertBooleanLiteral',
  'assertBooleanLiteralTypeAnnotation',
])

describe('lists of one frame', () => {
  it("another module's export list is not reuse of a saved one", () => {
    const other = exportsOf('exports', [
      'findRelativeConfig',
      'findRootConfig',
      'loadConfig',
      'loadPlugin',
      'loadPreset',
      'resolvePlugin',
      'resolvePreset',
      'resolveShowConfigPath',
    ])
    expect(bestFor(saved, other).reuse).toBe(false)
  })

  it('the saved export list with every name renamed, its frame too, is still reuse', () => {
    const names = Array.from({ length: 8 }, (_, i) => `renamed${i}`)
    const { best, reuse } = bestFor(saved, exportsOf('module', names))
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })
})
