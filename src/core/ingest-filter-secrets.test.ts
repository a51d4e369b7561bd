import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { credentialCorpus } from '../shared/secrets/test-support/credential-corpus'
import { ORDINARY_SNIPPETS } from '../shared/secrets/test-support/ordinary-snippets'
import { writeFileAtomic } from './atomic-file'
import { ingestFilter, type IngestRules } from './ingest-filter'

// The core decides what leaves the process with the same scanner as the connector: no copy that
// holds a credential is sent to any connector, and copies that only mention secrets are.

const rules: IngestRules = {
  ignoreNext: false,
  maxBytes: 1024 * 1024,
  ignorePatterns: [],
  paused: false,
}
const copy = (text: string) => ({ formats: ['text/plain'], markerValues: {}, text })

describe('the ingest filter and credentials', () => {
  it.each(credentialCorpus(11).map((c) => [c.family, c] as const))(
    'skips a copy with %s',
    (_, c) => {
      const decision = ingestFilter(copy(c.text), rules)
      expect(decision).toMatchObject({ action: 'skip', reason: 'secret' })
      expect(JSON.stringify(decision)).not.toContain(c.value)
    },
  )

  it('accepts every ordinary snippet that only mentions secrets', () => {
    const skipped = ORDINARY_SNIPPETS.filter(
      (s) => ingestFilter(copy(s), rules).action !== 'accept',
    )
    expect(skipped).toEqual([])
  })
})

describe.skipIf(process.platform === 'win32')('the core’s own files (POSIX permissions)', () => {
  it('are written 0600 in a folder created 0700', async () => {
    const root = mkdtempSync(join(tmpdir(), 'clipwise-core-'))
    const file = join(root, 'data', 'settings.json')
    await writeFileAtomic(file, '{}')
    expect(statSync(join(root, 'data')).mode & 0o777).toBe(0o700)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    rmSync(root, { recursive: true, force: true })
  })
})
