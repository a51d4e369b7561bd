import { describe, expect, it } from 'vitest'
import { parseToConnector } from './connector-messages'

describe('team library messages to the connector process', () => {
  it('carries the team library with the start and on changes, and refuses a malformed one', () => {
    const team = { url: 'postgres://alex@db/snippets', shareNewSaves: true, password: 'pw' }
    expect(parseToConnector({ type: 'start', dataDir: '/d', team })).toEqual({
      type: 'start',
      dataDir: '/d',
      team,
    })
    expect(parseToConnector({ type: 'team' })).toEqual({ type: 'team' })
    expect(parseToConnector({ type: 'team', team: { url: 'http://x' } })).toBeUndefined()
    expect(parseToConnector({ type: 'start', dataDir: '/d', team: 'postgres://x' })).toBeUndefined()
  })
})
