import { readFileSync } from 'node:fs'
import type { TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import {
  Asset,
  Context,
  Reaction,
  SeededConnectorAsset,
  SeededConnectorConnection,
  SeededConnectorCreation,
  SeededConnectorTracking,
  Suggestion,
} from './index'

// The spec's machine-checked examples must pass our schemas (they live outside the repository in
// the shared reference folder; skip when it is absent).
const examplesPath = new URL(
  '../../../../shared/reference/pieces-connector-examples.json',
  import.meta.url,
)
let examples: Record<string, unknown> | undefined
try {
  examples = JSON.parse(readFileSync(examplesPath, 'utf8'))
} catch {
  examples = undefined
}

describe.skipIf(!examples)('wire schemas accept the spec examples', () => {
  const ex = examples ?? {}
  const get = (key: string): unknown => (ex[key] as { json: unknown }).json
  const cases: [string, TSchema][] = [
    ['connect.req.min', SeededConnectorConnection],
    ['connect.req.full', SeededConnectorConnection],
    ['connect.res.min', Context],
    ['connect.res.user', Context],
    ['intention.req', SeededConnectorAsset],
    ['suggestion.req', SeededConnectorCreation],
    ['suggestion.res.save', Suggestion],
    ['suggestion.res.reuse', Suggestion],
    ['asset.min', Asset],
    ['reaction.req.save', Reaction],
    ['reaction.req.reuse', Reaction],
    ['track.req.session', SeededConnectorTracking],
    ['track.req.asset', SeededConnectorTracking],
    ['track.req.conversation', SeededConnectorTracking],
    ['track.req.format', SeededConnectorTracking],
    ['track.req.keyboard', SeededConnectorTracking],
    ['track.req.interaction', SeededConnectorTracking],
    ['track.req.assets_search', SeededConnectorTracking],
    ['track.req.adoption', SeededConnectorTracking],
  ]
  it.each(cases)('%s', (path, schema) => {
    const value = get(path)
    expect([...Value.Errors(schema, value)]).toEqual([])
  })
})

describe('wire schemas reject what the spec forbids and admit newer values', () => {
  const connection = (name: unknown, platform: unknown = 'LINUX') => ({
    application: { name, version: '1.0.0', platform },
  })
  it('admits an application name added by a newer SDK', () => {
    expect(Value.Check(SeededConnectorConnection, connection('MCP_CLIENT'))).toBe(true)
    expect(Value.Check(SeededConnectorConnection, connection('SOME_FUTURE_APP'))).toBe(true)
  })
  it('rejects names that are not enum-shaped, and wrong types', () => {
    expect(Value.Check(SeededConnectorConnection, connection('vs code'))).toBe(false)
    expect(Value.Check(SeededConnectorConnection, connection(7))).toBe(false)
    expect(Value.Check(SeededConnectorConnection, connection('VS_CODE', ''))).toBe(false)
  })
  it('ignores unknown keys', () => {
    expect(Value.Check(SeededConnectorConnection, { ...connection('VS_CODE'), extra: 1 })).toBe(
      true,
    )
  })
  it('requires integers where the spec says integer', () => {
    const bytes = { asset: { format: { fragment: { bytes: { raw: [1, 2.5] } } } } }
    expect(Value.Check(SeededConnectorCreation, bytes)).toBe(false)
  })
})
