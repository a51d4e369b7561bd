import type { SecretFinding } from './finding'

/** A gitleaks-style rule: a pattern whose `secret` group (or whole match) is the value. */
export interface SecretRule {
  kind: string
  category: SecretFinding['category']
  severity: SecretFinding['severity']
  description: string
  pattern: RegExp
  /** Minimum Shannon entropy (bits per char) of the value, for generic rules. */
  minEntropy?: number
}

// The name's tail is bounded and there is no open-ended prefix before the keyword: an unbounded
// `[\w.-]*` in front made every start position rescan the rest of a long word (a 1 MiB copy
// took minutes). The keyword is enough to find the assignment; the value is what gets redacted.
const SECRET_NAME =
  '(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|auth[_-]?key|private[_-]?key|client[_-]?secret|credential)s?[\\w.-]{0,40}'

// Facts follow gitleaks' default rule set (github.com/gitleaks/gitleaks, config/gitleaks.toml).
/** The rules, most specific first (a generic rule never re-reports a span already found). */
export const SECRET_RULES: SecretRule[] = [
  {
    kind: 'private-key',
    category: 'PRIVATE_KEY',
    severity: 'HIGH',
    description: 'A private key block.',
    pattern:
      /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----|$(?![\s\S]))/g,
  },
  {
    kind: 'aws-access-key',
    category: 'ACCESS_KEY',
    severity: 'HIGH',
    description: 'An AWS access key id.',
    pattern: /\b(?<secret>(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/g,
  },
  {
    kind: 'aws-secret-key',
    category: 'SECRET_KEY',
    severity: 'HIGH',
    description: 'An AWS secret access key.',
    pattern:
      /aws_?secret_?(?:access_?)?key["']?\s*[:=]\s*["']?(?<secret>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
  },
  {
    kind: 'github-token',
    category: 'API_TOKEN',
    severity: 'HIGH',
    description: 'A GitHub token.',
    pattern: /\b(?<secret>(?:ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{36}|github_pat_[0-9A-Za-z_]{82})\b/g,
  },
  {
    kind: 'gitlab-token',
    category: 'API_TOKEN',
    severity: 'HIGH',
    description: 'A GitLab personal access token.',
    pattern: /\b(?<secret>glpat-[0-9A-Za-z_-]{20})(?![0-9A-Za-z_-])/g,
  },
  {
    kind: 'slack-webhook',
    category: 'WEB_HOOK_URL',
    severity: 'HIGH',
    description: 'A Slack incoming-webhook URL.',
    pattern:
      /(?<secret>https:\/\/hooks\.slack\.com\/(?:services|workflows)\/[A-Za-z0-9+/]{30,}|https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+)/g,
  },
  {
    kind: 'slack-token',
    category: 'API_TOKEN',
    severity: 'HIGH',
    description: 'A Slack token.',
    pattern: /\b(?<secret>xox[abposr]-(?:\d+-)?[0-9A-Za-z-]{10,})/g,
  },
  {
    kind: 'stripe-key',
    category: 'SECRET_KEY',
    severity: 'HIGH',
    description: 'A Stripe secret or restricted key.',
    pattern: /\b(?<secret>(?:sk|rk)_(?:test|live|prod)_[0-9A-Za-z]{10,99})\b/g,
  },
  {
    kind: 'npm-token',
    category: 'ACCESS_TOKEN',
    severity: 'HIGH',
    description: 'An npm access token.',
    pattern: /\b(?<secret>npm_[0-9A-Za-z]{36})\b/g,
  },
  {
    kind: 'google-api-key',
    category: 'API_KEY',
    severity: 'HIGH',
    description: 'A Google API key.',
    pattern: /\b(?<secret>AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g,
  },
  {
    kind: 'openai-key',
    category: 'API_KEY',
    severity: 'HIGH',
    description: 'An OpenAI or Anthropic API key.',
    pattern:
      /\b(?<secret>sk-(?:proj-|ant-api\d\d-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}|sk-ant-api\d\d-[A-Za-z0-9_-]{80,})/g,
  },
  {
    kind: 'jwt',
    category: 'ACCESS_TOKEN',
    severity: 'MODERATE',
    description: 'A JSON Web Token.',
    pattern: /\b(?<secret>ey[A-Za-z0-9]{17,}\.ey[A-Za-z0-9/_-]{17,}\.[A-Za-z0-9/_-]{10,}={0,2})/g,
  },
  {
    kind: 'url-password',
    category: 'URL',
    severity: 'HIGH',
    description: 'A password inside a URL.',
    pattern: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@'"]+:(?<secret>[^\s:/@'"]{3,})@[^\s'"]+/gi,
  },
  {
    kind: 'env-secret',
    category: 'SECRET',
    severity: 'HIGH',
    description: 'A secret in an environment-style assignment.',
    pattern: new RegExp(
      `^[ \\t]*(?:export[ \\t]+)?[A-Z0-9_]*(?:PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?)[A-Z0-9_]*[ \\t]*=[ \\t]*["']?(?<secret>[^\\s"'#$][^\\s"'#]{3,})`,
      'gm',
    ),
  },
  {
    kind: 'generic-secret',
    category: 'SECRET',
    severity: 'MODERATE',
    description: 'A high-entropy value assigned to a secret-looking name.',
    pattern: new RegExp(
      `${SECRET_NAME}["']?\\s*(?::|=|:=|=>)\\s*["'\`](?<secret>[^\\s"'\`]{8,})["'\`]`,
      'gi',
    ),
    minEntropy: 3,
  },
]
