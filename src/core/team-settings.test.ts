import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../connector/server/test-support/temp-dir'
import type { Asset } from '../shared/wire'
import { teamPlace } from './asset-mapping'
import { openSettingsStore } from './settings-store'

const dirs: { remove(): void }[] = []
afterEach(() => dirs.splice(0).forEach((d) => d.remove()))

describe('team settings', () => {
  it('stores the team URL, name and share choice, and refuses a URL with a password', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const store = openSettingsStore(dir.path)
    expect(store.get().team).toEqual({ url: null, displayName: '', shareNewSaves: false })
    const team = { url: 'postgres://alex@db/snippets', displayName: 'Alex', shareNewSaves: true }
    await store.update({ team })
    expect(openSettingsStore(dir.path).get().team).toEqual(team)
    await expect(
      store.update({ team: { ...team, url: 'postgres://alex:hunter2@db/snippets' } }),
    ).rejects.toThrow(/password out of the team library URL/)
    expect(readFileSync(join(dir.path, 'settings.json'), 'utf8')).not.toContain('hunter2')
  })
})

describe('teamPlace', () => {
  const asset = (extra: Partial<Asset>) => ({ id: 'a', ...extra }) as Asset
  const share = {
    id: 's',
    link: 'team-library:snippets',
    access: 'PRIVATE',
    accessors: { iterable: [] },
    created: { value: new Date().toISOString() },
    short: 'snippets',
    name: 'snippets',
  }
  it('reads who saved a snippet and where from persons and shares', () => {
    expect(teamPlace(asset({}))).toBeUndefined()
    expect(teamPlace(asset({ shares: { iterable: [share] } }))).toEqual({
      library: 'snippets',
      owner: '',
      mine: true,
    })
    const person = {
      id: 'p',
      created: { value: new Date().toISOString() },
      updated: { value: new Date().toISOString() },
      type: { basic: { username: 'alex', name: 'Alex' } },
    }
    expect(
      teamPlace(asset({ shares: { iterable: [share] }, persons: { iterable: [person] } })),
    ).toEqual({ library: 'snippets', owner: 'Alex', mine: false })
  })
})
