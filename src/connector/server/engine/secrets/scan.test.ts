import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { fakeCredentials } from '../test-support/fake-credentials'
import { findSources } from '../test-support/corpus'

const engine = createEngine()

describe('secret scanning', () => {
  it.each(fakeCredentials().map((c) => [c.kind, c] as const))('catches %s', (_kind, cred) => {
    const findings = engine.scanSecrets(cred.text)
    expect(findings.length).toBeGreaterThan(0)
    const covered = findings.some(
      (f) =>
        f.start <= cred.text.indexOf(cred.value) &&
        f.end >= cred.text.indexOf(cred.value) + cred.value.length,
    )
    expect(covered).toBe(true)
    for (const f of findings) expect(f.description).not.toContain(cred.value)
  })

  it('never suggests saving a snippet with a secret, and redacts it if saved anyway', async () => {
    for (const cred of fakeCredentials(7)) {
      const code = `function connect() {\n  const client = createClient()\n  ${cred.text.replace(/\n/g, '\n  ')}\n  return client\n}`
      expect(engine.assessSave(code, { repeatCount: 3, alreadySaved: false })).toEqual({
        suggested: false,
        reason: 'secret',
      })
      const saved = await engine.enrich(code)
      expect(saved.text).not.toContain(cred.value)
      expect(saved.text).toContain('<redacted:')
      expect(saved.sensitives.length).toBeGreaterThan(0)
      expect(JSON.stringify(saved)).not.toContain(cred.value)
    }
  })

  it('does not flag ordinary real code', () => {
    const files = findSources(
      ['node_modules/fastify/lib', 'node_modules/node-gyp/gyp/pylib/gyp'],
      ['js', 'py'],
      40,
      40,
    )
    const flagged = files.filter((f) => engine.scanSecrets(f.text).length > 0)
    expect(flagged.length / files.length).toBeLessThanOrEqual(0.05)
  })
})
