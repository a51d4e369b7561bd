import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from './settings'

describe('settings', () => {
  it('a new user starts with settings the schema accepts (ranges and patterns included)', () => {
    expect([...Value.Errors(SettingsSchema, DEFAULT_SETTINGS)]).toEqual([])
  })

  it('refuses what the type would not hold: an unknown key, a value out of range', () => {
    const stored: Settings = { ...DEFAULT_SETTINGS }
    expect(Value.Check(SettingsSchema, { ...stored, colour: 'blue' })).toBe(false)
    expect(Value.Check(SettingsSchema, { ...stored, pollIntervalMs: 10 })).toBe(false)
    expect(Value.Check(SettingsSchema, { ...stored, theme: 'sepia' })).toBe(false)
    expect(Value.Check(SettingsSchema, { ...stored, connectorUrl: 'ftp://x' })).toBe(false)
  })
})
