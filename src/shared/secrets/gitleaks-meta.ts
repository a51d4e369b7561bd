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
    description: `${readableRuleName(ruleId)}.`,
  }
}

// Words of rule ids written as people write them; other words keep their spelling.
const WORDS: Record<string, string> = {
  aws: 'AWS',
  '1password': '1Password',
  gcp: 'GCP',
  api: 'API',
  id: 'ID',
  pat: 'personal access token',
  jwt: 'JWT',
  github: 'GitHub',
  gitlab: 'GitLab',
  openai: 'OpenAI',
  pypi: 'PyPI',
  npm: 'npm',
  ci: 'CI',
  cicd: 'CI/CD',
  oauth: 'OAuth',
  url: 'URL',
  ad: 'AD',
  digitalocean: 'DigitalOcean',
  ca: 'CA',
  sendgrid: 'SendGrid',
  hashicorp: 'HashiCorp',
  tf: 'Terraform',
  yaml: 'YAML',
  scim: 'SCIM',
  ptt: 'pipeline trigger token',
  rrt: 'runner registration token',
  pkcs12: 'PKCS#12',
}
const LOWER = new Set([
  'generic',
  'key',
  'token',
  'secret',
  'access',
  'client',
  'private',
  'public',
])

/** "an AWS access token" for `aws-access-token`: the rule id as a phrase for a notice. */
export function readableRuleName(ruleId: string): string {
  const words = ruleId.split('-').map((word, index) => {
    const known = WORDS[word]
    if (known) return known
    if (index === 0 && !LOWER.has(word)) return word.charAt(0).toUpperCase() + word.slice(1)
    return word
  })
  const phrase = words.join(' ')
  return `${/^[aeiouAEIO]|^(API|AWS|AD|SCIM|npm)\b/.test(phrase) ? 'an' : 'a'} ${phrase}`
}
