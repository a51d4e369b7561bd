import { afterEach, describe, expect, it } from 'vitest'
import type { ConnectorStore } from '../storage/contracts'
import { openStore } from '../storage/open-store'
import { tempDir } from '../test-support/temp-dir'
import { refusedCount, writeLink, type TeamLink } from './ledger'

const open: { store: ConnectorStore; remove: () => void }[] = []
afterEach(() => {
  for (const { store, remove } of open.splice(0)) {
    store.close()
    remove()
  }
})

function fresh(): ConnectorStore {
  const dir = tempDir()
  const store = openStore(dir.path)
  open.push({ store, remove: dir.remove })
  return store
}

const stamp = { at: '2026-12-01T10:00:00.000Z', by: 'alex' }
const link = (i: number, over: Partial<TeamLink> = {}): TeamLink => ({
  assetId: `asset-${i}`,
  teamId: `team-${i}`,
  origin: 'pulled',
  state: 'shared',
  libraryId: 'lib',
  libraryName: 'Team',
  owner: 'alex',
  ownerName: 'Alex',
  stamps: { name: stamp, tags: stamp, language: stamp },
  ...over,
})

describe('team status counts', () => {
  it('counts the snippets kept back among many pulled ones, from an index of the refused only', () => {
    const store = fresh()
    store.transaction((sql) => {
      for (let i = 0; i < 5_000; i++) writeLink(sql, link(i))
      for (let i = 5_000; i < 5_003; i++)
        writeLink(sql, link(i, { origin: 'own', state: 'unshared', refused: 'AWS key' }))
    })
    const count = store.transaction((sql) => refusedCount(sql))
    expect(count).toBe(3)
    store.transaction((sql) => writeLink(sql, link(5_001, { origin: 'own', state: 'shared' })))
    expect(store.transaction((sql) => refusedCount(sql))).toBe(2)
    // A status is asked every few hundred ms while a first pull runs: at 1,000,000 pulled links
    // a count that reads every link held the connector's thread ~0.1 s each time.
    const plan = store.transaction((sql) =>
      sql('EXPLAIN QUERY PLAN SELECT count(*) AS n FROM team_links WHERE refused IS NOT NULL')
        .all()
        .map((r) => String((r as { detail: string }).detail))
        .join('\n'),
    )
    expect(plan).toMatch(/team_links_refused/)
    expect(plan).not.toMatch(/SCAN team_links(?! USING)/)
  })
})
