import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEngine, type SecretFinding, type SuggestionEngine } from './engine'
import { startConnector, type RunningConnector } from './start-connector'
import { fragmentSeed } from './test-support/seeds'
import { jsonPoster } from './test-support/post-json'
import { tempDir } from './test-support/temp-dir'

// A secret's value must never be stored nor answered. The engine's own scanner is another
// engineer's; this stub finds AWS-style key ids so the connector's handling is tested alone,
// including an enrichment that forgets to redact (the connector redacts what the scan finds).

const SECRET = 'AKIAIOSFODNN7EXAMPLE'
const SNIPPET = `const client = new S3({\n  accessKeyId: '${SECRET}',\n  region: 'eu-west-1',\n})`

function scan(text: string): SecretFinding[] {
  return [...text.matchAll(/AKIA[0-9A-Z]{16}/g)].map((m) => ({
    kind: 'aws-access-key',
    category: 'ACCESS_KEY',
    severity: 'HIGH',
    start: m.index,
    end: m.index + m[0].length,
    description: 'An AWS access key id.',
  }))
}

function engineWithScanner(): SuggestionEngine {
  const base = createEngine()
  return {
    ...base,
    add: base.add.bind(base),
    remove: base.remove.bind(base),
    scanSecrets: scan,
    // Deliberately returns the text unredacted and no findings.
    enrich: async (text, hint) => ({ ...(await base.enrich(text, hint)), text, sensitives: [] }),
  }
}

let connector: RunningConnector
let dir: ReturnType<typeof tempDir>
let appId: string

const post = jsonPoster(() => connector.url)

beforeAll(async () => {
  dir = tempDir()
  connector = await startConnector({ port: 0, dataDir: dir.path, engine: engineWithScanner() })
  const response = await post('/connect', {
    application: { name: 'OPEN_SOURCE', version: '1', platform: 'LINUX' },
  })
  const context = (await response.json()) as { application: { id: string } }
  appId = context.application.id
})

afterAll(async () => {
  await connector.close()
  dir.remove()
})

describe('secrets in snippets', () => {
  it('never suggests saving a snippet holding a secret and does not echo the secret', async () => {
    const response = await post(`/${appId}/suggestion`, fragmentSeed(SNIPPET, 'ts'))
    const text = await response.text()
    expect(JSON.parse(text).save.suggested).toBe(false)
    expect(text).not.toContain(SECRET)
    expect(text).toContain('<redacted:aws-access-key>')
  })

  it('saves the redacted text only, marks the asset sensitive and answers no secret', async () => {
    const id = await (
      await post(`/${appId}/reaction`, { save: true, seed: fragmentSeed(SNIPPET, 'ts') })
    ).text()
    const body = await (await fetch(`${connector.url}/assets/${id}`)).text()
    expect(body).not.toContain(SECRET)
    const asset = JSON.parse(body)
    expect(asset.formats.iterable[0].fragment.string.raw).toContain(
      "accessKeyId: '<redacted:aws-access-key>'",
    )
    expect(asset.sensitives.iterable).toMatchObject([
      {
        category: 'ACCESS_KEY',
        severity: 'HIGH',
        name: 'aws-access-key',
        text: '<redacted:aws-access-key>',
      },
    ])
    const list = await (await fetch(`${connector.url}/assets`)).text()
    const search = await (
      await fetch(`${connector.url}/assets/search?query=AKIAIOSFODNN7EXAMPLE`)
    ).text()
    expect(list).not.toContain(SECRET)
    expect(JSON.parse(search).iterable).toEqual([])
  })

  it('leaves no trace of the secret in the data folder', () => {
    for (const file of readdirSync(dir.path)) {
      expect(readFileSync(join(dir.path, file)).includes(SECRET), file).toBe(false)
    }
  })
})
