import * as sdk from '@pieces.app/pieces-os-client'
import type { TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import examples from './fixtures/wire-examples.json'
import * as wire from './index'

const { SeededConnectorConnection, SeededConnectorCreation } = wire

// The project's own wire examples (fixtures/wire-examples.json): one per request and response of
// the Connector API, keyed `endpoint.kind.case`, each naming its model as the API does (and as
// our schema of it is named).
const SCHEMAS = wire as unknown as Record<string, TSchema | undefined>
const cases = Object.entries(examples as Record<string, { model: string; json: unknown }>)

describe('the wire examples', () => {
  it('cover every endpoint Clipwise speaks, requests and responses', () => {
    const endpoints = new Set(cases.map(([key]) => key.split('.').slice(0, 2).join('.')))
    expect([...endpoints].sort()).toEqual([
      'asset.saved',
      'connect.request',
      'connect.response',
      'intention.request',
      'reaction.request',
      'suggestion.request',
      'suggestion.response',
      'track.request',
    ])
  })

  it.each(cases)('%s passes our schema of its model', (_key, { model, json }) => {
    const schema = SCHEMAS[model]
    expect(schema, `a schema for ${model}`).toBeDefined()
    expect([...Value.Errors(schema as TSchema, json)]).toEqual([])
  })

  // The official SDK as an independent reader: a misspelt key (camelCase where the wire says
  // snake_case, say) would be dropped on the way through it.
  it.each(cases)('%s reads and writes back unchanged through the official SDK', (_key, example) => {
    const codecs = sdk as unknown as Record<string, (value: unknown) => unknown>
    const fromJson = codecs[`${example.model}FromJSON`]
    const toJson = codecs[`${example.model}ToJSON`]
    expect(fromJson && toJson, `the SDK's ${example.model} codecs`).toBeTruthy()
    const roundTrip = JSON.parse(JSON.stringify(toJson?.(fromJson?.(example.json)))) as unknown
    expect(roundTrip).toEqual(example.json)
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
