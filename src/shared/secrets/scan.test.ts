import { describe, expect, it } from 'vitest'
import { re2ToJs } from './re2-to-js'
import {
  BUDGET_FROM_CHARS,
  MAX_FINDINGS_PER_RULE,
  redactSecrets,
  scanSecrets,
  UNCHECKED_KIND,
} from './scan'
import { credentialCorpus } from './test-support/credential-corpus'
import { ORDINARY_SNIPPETS } from './test-support/ordinary-snippets'

const MIB = 1024 * 1024

describe('scanSecrets on fake credentials, one per family', () => {
  it.each(credentialCorpus().map((c) => [c.family, c] as const))('finds %s', (_family, cred) => {
    const findings = scanSecrets(cred.text)
    const redacted = redactSecrets(cred.text, findings)
    expect(redacted).not.toContain(cred.value)
    expect(redacted).toContain('<redacted:')
    for (const f of findings) expect(f.description).not.toContain(cred.value)
  })
})

describe('scanSecrets on ordinary code', () => {
  it('has at least 50 snippets that only mention secrets', () => {
    expect(ORDINARY_SNIPPETS.length).toBeGreaterThanOrEqual(50)
  })
  it.each(ORDINARY_SNIPPETS.map((s) => [s.split('\n')[0], s] as const))('leaves %s', (_, s) => {
    expect(scanSecrets(s).map((f) => `${f.kind}: ${s.slice(f.start, f.end)}`)).toEqual([])
  })
})

describe('scanSecrets on large copies', () => {
  // Each of these once sent a rule into quadratic backtracking: a copy of up to the 1 MiB limit
  // gets its answer, and these hold no credential (timing is the benchmark's job).
  it.each([
    ['one long word', 'a'.repeat(MIB)],
    ['secret-looking names without values', 'password token secret '.repeat(MIB / 22)],
    ['names glued to long words', ('db_password_' + 'x'.repeat(40) + ' = ').repeat(MIB / 55)],
    ['key block headers without a key', '-----BEGIN '.repeat(MIB / 11)],
    ['long upper-case lines', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(MIB / 26)],
  ])('answers for %s', (_, text) => {
    // No time budget here: this checks the answer; the benchmark times it.
    expect(scanSecrets(text, { budgetMs: Infinity })).toEqual([])
  })

  it('still finds a credential at the end of a large copy, and redacts only its value', () => {
    const token = 'ghp_' + 'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2'
    const text =
      'const x = 1\n'.repeat(50_000) + `const client = new Octokit({ auth: '${token}' })\n`
    const findings = scanSecrets(text, { budgetMs: Infinity })
    expect(findings.map((f) => f.kind)).toEqual(['github-pat'])
    expect(
      redactSecrets(text, findings).endsWith(`new Octokit({ auth: '<redacted:github-pat>' })\n`),
    ).toBe(true)
  })

  it('past the findings limit, counts the rest of a crafted copy as a secret', () => {
    const text = 'PASSWORD=Hx9kq2Lm\n'.repeat(10_000)
    const findings = scanSecrets(text)
    const last = findings[findings.length - 1]
    expect(findings.length).toBeLessThanOrEqual(MAX_FINDINGS_PER_RULE + 1)
    expect(last?.kind).toBe(UNCHECKED_KIND)
    expect(last?.end).toBe(text.length)
    expect(redactSecrets(text, findings)).not.toContain('Hx9kq2Lm')
  })

  it('past the work limit, counts the rest as a secret instead of scanning on', () => {
    const text = 'glpat-'.repeat(50_000)
    const findings = scanSecrets(text, { maxWork: 64 * 1024, budgetMs: Infinity })
    expect(findings.at(-1)).toMatchObject({ kind: UNCHECKED_KIND, end: text.length })
  })

  it('never puts a time budget on a short text (a fake clock that runs fast)', () => {
    let t = 0
    const snippet = 'const add = (a, b) => a + b\n'.repeat(100)
    expect(scanSecrets(snippet, { budgetMs: 1, now: () => (t += 1000) })).toEqual([])
  })

  it('past its time budget, stops and counts the rest as a secret (a fake clock)', () => {
    let t = 0
    const token = 'ghp_' + 'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2'
    const text = `${'sk-'.repeat(200_000)} ${token}`
    const findings = scanSecrets(text, { budgetMs: 40, now: () => (t += 1) })
    expect(text.length).toBeGreaterThan(BUDGET_FROM_CHARS)
    const last = findings.at(-1)
    expect(last).toMatchObject({ kind: UNCHECKED_KIND, end: text.length })
    expect(redactSecrets(text, findings)).not.toContain(token)
  })
})

describe('re2ToJs', () => {
  it('spells out inline case-insensitivity, POSIX classes and \\z', () => {
    const js = new RegExp(re2ToJs('\\b(p8e-(?i)[a-z0-9]{4})[[:alnum:]]\\z'))
    expect(js.test('p8e-AbC1x')).toBe(true)
    expect(js.test('P8E-abc1x')).toBe(false)
    expect(new RegExp(re2ToJs('(?i:ab)(?-i:C)')).test('ABC')).toBe(true)
    expect(new RegExp(re2ToJs('(?i:ab)(?-i:C)')).test('abc')).toBe(false)
  })
})
