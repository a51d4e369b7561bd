import { describe, expect, it } from 'vitest'
import { redactSecrets, scanSecrets } from './scan'

const MIB = 1024 * 1024

describe('scanSecrets on large copies', () => {
  // Each of these once sent a rule into quadratic backtracking; a copy of up to the 1 MiB limit
  // must get an answer, and these hold no credential.
  it.each([
    ['one long word', 'a'.repeat(MIB)],
    ['secret-looking names without values', 'password token secret '.repeat(MIB / 22)],
    ['names glued to long words', ('db_password_' + 'x'.repeat(40) + ' = ').repeat(MIB / 55)],
    ['key block headers without a key', '-----BEGIN '.repeat(MIB / 11)],
  ])('answers for %s', (_, text) => {
    expect(scanSecrets(text)).toEqual([])
  })

  it('still finds a credential at the end of a large copy, and redacts only its value', () => {
    const token = 'ghp_' + 'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2'
    const text =
      'const x = 1\n'.repeat(50_000) + `const client = new Octokit({ auth: '${token}' })\n`
    const findings = scanSecrets(text)
    expect(findings.map((f) => f.kind)).toContain('github-token')
    const redacted = redactSecrets(text, findings)
    expect(redacted).not.toContain(token)
    expect(redacted.endsWith(`new Octokit({ auth: '<redacted:github-token>' })\n`)).toBe(true)
  })
})
