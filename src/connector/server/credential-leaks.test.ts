import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { credentialCorpus } from '../../shared/secrets/test-support/credential-corpus'
import { ORDINARY_SNIPPETS } from '../../shared/secrets/test-support/ordinary-snippets'
import { startConnector, type RunningConnector } from './start-connector'
import { jsonPoster } from './test-support/post-json'
import { tempDir } from './test-support/temp-dir'

// The real scanner and engine behind a real connector: one fake credential per family, sent the
// ways integrations send text (snippet, name, description, tags, updates, tracking; metadata
// carries the credential in its context, as a bare key is not recognisable anywhere), must never
// be suggested for saving, answered, searched or found in the data folder's files.

const CORPUS = credentialCorpus()
let connector: RunningConnector
let dir: ReturnType<typeof tempDir>
let appId: string

const post = jsonPoster(() => connector.url)
const getText = async (path: string) => (await fetch(`${connector.url}${path}`)).text()

/** A seed as the tray sends it, with optional metadata. */
function seed(text: string, meta: { name?: string; description?: string; tags?: string[] } = {}) {
  return {
    metadata: {
      ...(meta.name !== undefined && { name: meta.name }),
      ...(meta.tags && { tags: meta.tags.map((text) => ({ text })) }),
      ...(meta.description !== undefined && {
        annotations: [{ type: 'DESCRIPTION', text: meta.description }],
      }),
    },
    format: { fragment: { string: { raw: text } } },
  }
}

/** The snippet as people copy it: the credential inside a few lines of code. */
const inCode = (text: string) =>
  `function connect() {\n  const client = createClient()\n  ${text.replace(/\n/g, '\n  ')}\n  return client\n}`

beforeAll(async () => {
  dir = tempDir()
  connector = await startConnector({ port: 0, dataDir: dir.path })
  const response = await post('/connect', {
    application: { name: 'OPEN_SOURCE', version: '1', platform: 'LINUX' },
  })
  appId = ((await response.json()) as { application: { id: string } }).application.id
})

afterAll(async () => {
  await connector.close()
  dir.remove()
})

describe.each(CORPUS.map((c) => [c.family, c] as const))('%s', (_family, cred) => {
  it('is never suggested for saving nor echoed by /suggestion', async () => {
    const response = await post(`/${appId}/suggestion`, {
      asset: seed(inCode(cred.text), {
        name: `uses ${cred.text}`,
        description: `see ${cred.text}`,
        tags: [cred.text],
      }),
    })
    const body = await response.text()
    expect(response.status).toBe(200)
    expect(JSON.parse(body).save.suggested).toBe(false)
    expect(body).not.toContain(cred.value)
  })

  it('is neither stored nor served when saved anyway, in the text or its metadata', async () => {
    const saved = await post(`/${appId}/reaction`, {
      save: true,
      seed: {
        asset: seed(inCode(cred.text), {
          name: `deploy ${cred.text}`,
          description: `the key is ${cred.text}`,
          tags: ['deploy', cred.text],
        }),
      },
    })
    expect(saved.status).toBe(200)
    const id = await saved.text()
    const updated = await post('/asset/update', {
      id,
      name: `renamed ${cred.text}`,
      tags: { iterable: [{ text: cred.text }, { text: 'ops' }] },
      annotations: { iterable: [{ type: 'DESCRIPTION', text: `now ${cred.text}` }] },
    })
    expect(updated.status).toBe(200)
    expect(await updated.text()).not.toContain(cred.value)
    await post(`/${appId}/track`, {
      asset: { identifier_description_pair: { asset_created: `saved ${cred.text}` } },
    })
    const one = await getText(`/assets/${id}`)
    expect(one).toContain('<redacted:')
    expect(one).not.toContain(cred.value)
    expect(await getText('/assets')).not.toContain(cred.value)
    const word = /[A-Za-z0-9]{6,}/.exec(cred.value)?.[0] ?? cred.value
    const search = await getText(`/assets/search?query=${encodeURIComponent(word)}`)
    expect(search).not.toContain(cred.value)
  })
})

describe('ordinary snippets that mention secrets', () => {
  it.each(ORDINARY_SNIPPETS.map((s) => [s.split('\n')[0], s] as const))(
    'stores %s unchanged',
    async (_, snippet) => {
      const id = await (
        await post(`/${appId}/reaction`, { save: true, seed: { asset: seed(snippet) } })
      ).text()
      const asset = JSON.parse(await getText(`/assets/${id}`))
      expect(asset.formats.iterable[0].fragment.string.raw).toBe(snippet)
      expect(asset.sensitives?.iterable ?? []).toEqual([])
    },
  )
})

describe('the data folder', () => {
  it('holds no credential in any file once the connector has closed', async () => {
    await connector.close()
    const files = readdirSync(dir.path)
    expect(files).toContain('clipwise.sqlite')
    for (const file of files) {
      const bytes = readFileSync(join(dir.path, file))
      for (const cred of CORPUS) {
        expect(bytes.includes(cred.value), `${cred.family} in ${file}`).toBe(false)
      }
    }
  })
})
