import { describe, expect, it } from 'vitest'
import type { CurrentSuggestion } from '../shared/domain'
import { suggestionJson, suggestionText } from './suggestion-line'
import { teamFromArgs } from './team-args'

const reuse = (team?: { library: string; owner: string; mine: boolean }): CurrentSuggestion => ({
  id: 'c1',
  text: 'def moving_average(values, window): ...',
  copiedAt: new Date().toISOString(),
  status: 'ready',
  kind: 'reuse',
  matches: [
    {
      assetId: 'a1',
      name: 'moving average',
      language: 'py',
      similarity: 0.97,
      text: 'def moving_average(values, window): ...',
      savedAt: new Date().toISOString(),
      reuseCount: 0,
      ...(team && { team }),
    },
  ],
  draft: { name: '', language: 'py', tags: [] },
})

describe('watch: team library', () => {
  it("names the teammate and the library on a teammate's snippet", () => {
    expect(suggestionText(reuse({ library: 'snippets', owner: 'Alex', mine: false }))).toContain(
      'already saved by Alex in the team library snippets as "moving average" (97% alike)',
    )
    expect(suggestionText(reuse({ library: 'snippets', owner: 'Me', mine: true }))).toContain(
      'already saved as "moving average"',
    )
    const line = JSON.parse(
      suggestionJson(reuse({ library: 'snippets', owner: 'Alex', mine: false })),
    )
    expect(line.reuse.assets[0].team).toEqual({ library: 'snippets', owner: 'Alex', mine: false })
  })
})

describe('connector --team', () => {
  it('takes a postgres URL, a name and the share setting; refuses anything else', () => {
    expect(
      teamFromArgs({
        team: 'postgres://alex@db/snippets',
        'team-name': 'Alex',
        'share-new-saves': true,
      }),
    ).toEqual({ url: 'postgres://alex@db/snippets', displayName: 'Alex', shareNewSaves: true })
    expect(teamFromArgs({})).toBeUndefined()
    expect(() => teamFromArgs({ team: 'http://db/x' })).toThrow(/postgres:\/\//)
    expect(() => teamFromArgs({ 'share-new-saves': true })).toThrow(/need --team/)
  })
})
