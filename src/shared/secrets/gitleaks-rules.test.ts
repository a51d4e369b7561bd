import { describe, expect, it } from 'vitest'
import { prepareGitleaksRule, type GitleaksRuleData, type PreparedRule } from './gitleaks-prepare'
import data from './gitleaks-rules.json'
import { GITLEAKS_RULE_IDS } from './gitleaks'

type Stored = GitleaksRuleData & { js?: PreparedRule }

describe('gitleaks-rules.json', () => {
  it('holds, for every rule the scanner runs, the prepared form the import script makes today', () => {
    const stale = (data.rules as Stored[]).filter(
      (rule) => JSON.stringify(rule.js) !== JSON.stringify(prepareGitleaksRule(rule)),
    )
    // Refresh with `npm run secrets:import -- <gitleaks.toml> <version>` after changing the
    // translation or hardening.
    expect(stale.map((r) => r.id)).toEqual([])
  })

  it('runs all but the rules replaced by Clipwise rules or bound to file paths', () => {
    expect(GITLEAKS_RULE_IDS.length).toBeGreaterThan(200)
    expect(GITLEAKS_RULE_IDS).not.toContain('generic-api-key')
    for (const id of ['aws-access-token', 'github-pat', 'vault-service-token', 'pypi-upload-token'])
      expect(GITLEAKS_RULE_IDS).toContain(id)
  })
})
