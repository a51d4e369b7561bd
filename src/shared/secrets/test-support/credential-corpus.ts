// Fake credentials, one per family the scanner must catch, each in the context people paste it
// in. Assembled at run time from parts and random characters, so no credential-shaped string is
// ever written in the repository (push protection and scanners stay quiet).
import { seededRandom } from '../../test-support/seeded-random'

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const HEX = '0123456789abcdef'
const B64 = ALNUM + '+/'

/** A fake credential in context, and the value that must never be stored, served or echoed. */
export interface FakeCredential {
  family: string
  text: string
  value: string
}

/** One fake credential per family (families as the issue lists them). */
export function credentialCorpus(seed = 7): FakeCredential[] {
  const r = seededRandom(seed)
  const c = (n: number, alphabet = ALNUM) =>
    Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]).join('')
  const uuid = () => `${c(8, HEX)}-${c(4, HEX)}-4${c(3, HEX)}-a${c(3, HEX)}-${c(12, HEX)}`
  const pem = (label: string) =>
    [`-----BEGIN ${label}-----`, c(64, B64), c(64, B64), c(40, B64), `-----END ${label}-----`].join(
      '\n',
    )
  const list: [string, string, (v: string) => string][] = [
    [
      'aws-access-key',
      'AK' + 'IA' + c(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'),
      (v) => `aws_access_key_id = ${v}`,
    ],
    ['aws-secret-key', c(40, B64), (v) => `[default]\naws_secret_access_key = ${v}`],
    ['gcp-api-key', 'AI' + 'za' + c(35), (v) => `const maps = new Maps({ key: '${v}' })`],
    [
      'gcp-service-account',
      c(64, B64),
      (v) =>
        `{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${v}\\n-----END PRIVATE KEY-----\\n"\n}`,
    ],
    [
      'azure-connection-string',
      c(86, B64) + '==',
      (v) =>
        `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${v};EndpointSuffix=core.windows.net`,
    ],
    [
      'azure-sas',
      c(43, B64) + '%3D',
      (v) =>
        `https://acme.blob.core.windows.net/c/a.txt?sv=2024-05-04&sp=r&se=2026-01-01T00:00:00Z&sig=${v}`,
    ],
    [
      'azure-client-secret',
      c(3) + '8Q' + '~' + c(34, ALNUM + '_-'),
      (v) => `AZURE_CLIENT_SECRET="${v}"`,
    ],
    ['github-classic', 'gh' + 'p_' + c(36), (v) => `const octokit = new Octokit({ auth: '${v}' })`],
    [
      'github-fine-grained',
      'github' + '_pat_' + c(22) + '_' + c(59),
      (v) => `export GH_TOKEN=${v}`,
    ],
    [
      'gitlab',
      'gl' + 'pat-' + c(20),
      (v) => `curl --header "PRIVATE-TOKEN: ${v}" https://gitlab.com/api/v4/projects`,
    ],
    [
      'slack',
      'xo' + 'xb-' + c(11, HEX.slice(0, 10)) + '-' + c(12, HEX.slice(0, 10)) + '-' + c(24),
      (v) => `const web = new WebClient('${v}')`,
    ],
    ['twilio', c(32, HEX), (v) => `client = Client("AC${c(32, HEX)}", "${v}")`],
    ['sendgrid', 'SG' + '.' + c(22) + '.' + c(43), (v) => `sgMail.setApiKey('${v}')`],
    ['stripe', 'sk' + '_live_' + c(24), (v) => `const stripe = require('stripe')('${v}')`],
    ['vault', 'hv' + 's.' + c(95), (v) => `export VAULT_TOKEN=${v}`],
    ['digitalocean', 'dop' + '_v1_' + c(64, HEX), (v) => `doctl auth init --access-token ${v}`],
    [
      'openai',
      'sk-' + 'proj-' + c(74) + 'T3Blbk' + 'FJ' + c(74),
      (v) => `client = OpenAI(api_key="${v}")`,
    ],
    ['anthropic', 'sk-' + 'ant-api03-' + c(93) + 'AA', (v) => `ANTHROPIC_API_KEY=${v}`],
    ['npm-token', 'np' + 'm_' + c(36), (v) => `//registry.npmjs.org/:_authToken=${v}`],
    [
      'npm-legacy',
      uuid(),
      (v) => `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${v}`,
    ],
    [
      'pypi',
      'pypi-' + 'AgEIcHlwaS5vcmc' + c(70, ALNUM + '_-'),
      (v) => `[pypi]\nusername = __token__\npassword = ${v}`,
    ],
    ['pem-rsa', pem('RSA PRIVATE KEY'), (v) => `key = """${v}"""`],
    ['pem-pkcs8', pem('PRIVATE KEY'), (v) => v],
    ['pem-ec', pem('EC PRIVATE KEY'), (v) => v],
    ['openssh', pem('OPENSSH PRIVATE KEY'), (v) => `cat > ~/.ssh/id_ed25519 <<EOF\n${v}\nEOF`],
    ['pgp', pem('PGP PRIVATE KEY BLOCK'), (v) => v],
    [
      'jwt',
      'ey' + 'J' + c(30) + '.ey' + 'J' + c(60) + '.' + c(43, ALNUM + '_-'),
      (v) => `fetch(url, { headers: { Authorization: 'Bearer ${v}' } })`,
    ],
    ['basic-auth', 'dXNl' + c(20, B64), (v) => `Authorization: Basic ${v}`],
    ['url-password', c(16), (v) => `DATABASE_URL=postgres://app:${v}@db.internal:5432/app`],
    [
      'env-password',
      'Hx' + c(12) + '9!',
      (v) => `DB_HOST=localhost\nDB_PASSWORD=${v}\nDB_PORT=5432`,
    ],
    [
      'properties-password',
      'Tr' + c(12) + '&3',
      (v) => `spring.datasource.url=jdbc:postgresql://db/app\nspring.datasource.password=${v}`,
    ],
    [
      'yaml-password',
      's3' + c(14),
      (v) => `database:\n  user: app\n  password: ${v}\n  port: 5432`,
    ],
    ['json-password', c(18), (v) => `{ "user": "app", "password": "${v}", "host": "db" }`],
    ['ini-password', 'p4' + c(12), (v) => `[database]\nuser = app\npassword = ${v}`],
    [
      'kubeconfig',
      'LS0t' + c(120, B64),
      (v) =>
        `users:\n- name: admin\n  user:\n    client-certificate-data: LS0tLS1C\n    client-key-data: ${v}`,
    ],
    [
      'kubernetes-secret',
      c(24, B64) + '==',
      (v) =>
        `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  username: YXBw\n  password: ${v}`,
    ],
    [
      'kubernetes-secret-other-key',
      c(32, B64),
      (v) =>
        `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\ndata:\n  upstream-credentials-blob: ${v}`,
    ],
  ]
  return list.map(([family, value, context]) => ({ family, value, text: context(value) }))
}
