import { DatabaseSync } from 'node:sqlite'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from './storage/open-store'
import { startConnector, type RunningConnector } from './start-connector'
import { fragmentSeed, PYTHON_SNIPPET } from './test-support/seeds'
import { tempDir } from './test-support/temp-dir'

// Learning from the user: `/reaction` with `save: false` (and no reuse) is a dismissal.

let connector: RunningConnector
let dir: ReturnType<typeof tempDir>
let appId: string
let savedId = ''
let closed = false

const post = (path: string, body: unknown) =>
  fetch(`${connector.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

type Answer = {
  reuse: { suggested: boolean; assets: { iterable: { id: string }[] } }
  save: { suggested: boolean }
}
const suggest = async (text: string): Promise<Answer> =>
  (await (await post(`/${appId}/suggestion`, fragmentSeed(text, 'py'))).json()) as Answer
const dismiss = (text: string) =>
  post(`/${appId}/reaction`, { save: false, seed: fragmentSeed(text, 'py') })

const GO_SNIPPET = [
  'func retry(attempts int, wait time.Duration, call func() error) error {',
  '\tvar err error',
  '\tfor i := 0; i < attempts; i++ {',
  '\t\tif err = call(); err == nil {',
  '\t\t\treturn nil',
  '\t\t}',
  '\t\ttime.Sleep(wait * time.Duration(i+1))',
  '\t}',
  '\treturn fmt.Errorf("after %d attempts: %w", attempts, err)',
  '}',
].join('\n')

beforeAll(async () => {
  dir = tempDir()
  connector = await startConnector({ port: 0, dataDir: dir.path })
  const response = await post('/connect', {
    application: { name: 'OPEN_SOURCE', version: '1', platform: 'LINUX' },
  })
  appId = ((await response.json()) as { application: { id: string } }).application.id
})

afterAll(async () => {
  if (!closed) await connector.close()
  dir.remove()
})

describe('a dismissed reuse', () => {
  it('is not offered again for the same copy and asset, and other copies still get it', async () => {
    const saved = await (
      await post(`/${appId}/reaction`, { save: true, seed: fragmentSeed(PYTHON_SNIPPET, 'py') })
    ).text()
    const copy = PYTHON_SNIPPET.replaceAll('window', 'size')
    const first = await suggest(copy)
    expect(first.reuse.suggested).toBe(true)
    expect(first.reuse.assets.iterable.map((a) => a.id)).toEqual([saved])
    expect((await dismiss(copy)).status).toBe(200)
    const again = await suggest(copy)
    expect(again.reuse.suggested).toBe(false)
    expect(again.reuse.assets.iterable).toEqual([])
    // Quiet, not a save of something already saved.
    expect(again.save.suggested).toBe(false)
    // Another copy of the same snippet is another pair: reuse is offered for it.
    expect((await suggest(PYTHON_SNIPPET.replaceAll('total', 'acc'))).reuse.suggested).toBe(true)
    savedId = saved
  })
})

describe('a dismissed save', () => {
  it('comes back only when the user keeps copying the text, not on the next copy', async () => {
    expect((await suggest(GO_SNIPPET)).save.suggested).toBe(true)
    await dismiss(GO_SNIPPET)
    expect((await suggest(GO_SNIPPET)).save.suggested).toBe(false)
    expect((await suggest(GO_SNIPPET)).save.suggested).toBe(false)
    // The third copy since the dismissal: the user keeps copying it.
    expect((await suggest(GO_SNIPPET)).save.suggested).toBe(true)
  })
})

describe('what is kept', () => {
  it('keeps the dismissal in the database file, for the copy and the asset', async () => {
    await connector.close()
    closed = true
    const db = new DatabaseSync(join(dir.path, DATABASE_FILE), { readOnly: true })
    const rows = db.prepare('SELECT asset_id FROM dismissals').all() as { asset_id: string }[]
    db.close()
    expect(rows.map((r) => r.asset_id)).toContain(savedId)
    // The save dismissal of the Go snippet: no asset.
    expect(rows.map((r) => r.asset_id)).toContain('')
  })
})
