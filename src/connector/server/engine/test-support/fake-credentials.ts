import { seededRandom } from './variants'

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Random characters from `alphabet` (deterministic), so no real credential is ever committed. */
function chars(random: () => number, n: number, alphabet = ALNUM): string {
  let out = ''
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(random() * alphabet.length)]
  return out
}

/** A fake credential in the context it is usually pasted in, with the value to never echo. */
export interface FakeCredential {
  kind: string
  text: string
  value: string
}

/** Fake-but-realistic credentials (assembled at run time so scanners never flag the repo). */
export function fakeCredentials(seed = 42): FakeCredential[] {
  const r = seededRandom(seed)
  const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  const b64 = ALNUM + '/+'
  const aws = 'AK' + 'IA' + chars(r, 16, upper)
  const awsSecret = chars(r, 40, b64)
  const gh = 'gh' + 'p_' + chars(r, 36)
  const gl = 'gl' + 'pat-' + chars(r, 20)
  const slack =
    'xo' +
    'xb-' +
    chars(r, 12, '0123456789') +
    '-' +
    chars(r, 12, '0123456789') +
    '-' +
    chars(r, 24)
  const stripe = 'sk' + '_live_' + chars(r, 24)
  const npm = 'np' + 'm_' + chars(r, 36)
  const jwt = 'ey' + 'J' + chars(r, 30) + '.ey' + 'J' + chars(r, 40) + '.' + chars(r, 43)
  const pem = chars(r, 64, b64)
  const dbPass = chars(r, 14)
  const envPass = 'hunter2' + chars(r, 3)
  const apiKey = chars(r, 32, 'abcdef0123456789')
  return [
    { kind: 'aws-access-key', value: aws, text: `aws_access_key_id = ${aws}` },
    {
      kind: 'aws-secret-key',
      value: awsSecret,
      text: `[default]\naws_secret_access_key = ${awsSecret}`,
    },
    { kind: 'github-token', value: gh, text: `git clone https://x:${gh}@github.com/acme/app.git` },
    { kind: 'github-token', value: gh, text: `const octokit = new Octokit({ auth: '${gh}' })` },
    {
      kind: 'gitlab-token',
      value: gl,
      text: `curl --header "PRIVATE-TOKEN: ${gl}" https://gitlab.com/api/v4/projects`,
    },
    { kind: 'slack-token', value: slack, text: `const web = new WebClient('${slack}')` },
    { kind: 'stripe-key', value: stripe, text: `const stripe = require('stripe')('${stripe}')` },
    { kind: 'npm-token', value: npm, text: `//registry.npmjs.org/:_authToken=${npm}` },
    { kind: 'jwt', value: jwt, text: `Authorization: Bearer ${jwt}` },
    {
      kind: 'private-key',
      value: pem,
      text: `-----BEGIN RSA PRIVATE KEY-----\n${pem}\n${pem}\n-----END RSA PRIVATE KEY-----`,
    },
    {
      kind: 'url-password',
      value: dbPass,
      text: `DATABASE_URL=postgres://app:${dbPass}@db.internal:5432/app`,
    },
    {
      kind: 'env-secret',
      value: envPass,
      text: `DB_HOST=localhost\nDB_PASSWORD=${envPass}\nDB_PORT=5432`,
    },
    {
      kind: 'generic-secret',
      value: apiKey,
      text: `config = {\n  "api_key": "${apiKey}",\n  "region": "eu-west-1"\n}`,
    },
    { kind: 'generic-secret', value: apiKey, text: `const clientSecret = "${apiKey}"` },
  ]
}
