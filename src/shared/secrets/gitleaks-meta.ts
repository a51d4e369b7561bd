import type { SecretFinding } from './finding'

type Described = Pick<SecretFinding, 'kind' | 'category' | 'severity' | 'description'>

/** The spec's SensitiveCategoryEnum value for a gitleaks rule id, from the words in it. */
export function categoryOf(ruleId: string): SecretFinding['category'] {
  const id = ruleId.toLowerCase()
  if (id.includes('private-key')) return 'PRIVATE_KEY'
  if (id.includes('webhook')) return 'WEB_HOOK_URL'
  if (id.includes('client-id')) return 'CLIENT_ID'
  if (id.includes('client-secret')) return 'CLIENT_SECRET'
  if (id.includes('secret-key')) return 'SECRET_KEY'
  if (id.includes('access-id') || id.includes('api-id')) return 'API_ID'
  if (id.includes('access-key') || id.includes('access-token')) return 'ACCESS_TOKEN'
  if (id.includes('api-key')) return 'API_KEY'
  if (id.includes('token') || id.includes('pat')) return 'API_TOKEN'
  return 'SECRET'
}

/** Kind, category, severity and a sentence for a finding of a gitleaks rule. */
export function describeGitleaksRule(ruleId: string): Described {
  return {
    kind: ruleId,
    category: categoryOf(ruleId),
    severity: 'HIGH',
    description: `A credential matching gitleaks' ${ruleId} rule.`,
  }
}
