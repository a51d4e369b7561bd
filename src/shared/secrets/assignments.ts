import { entropy } from './entropy'
import type { Span } from './private-keys'

/**
 * Values assigned to names that denote a secret, in the forms people paste: `.env` and shell
 * (`DB_PASSWORD=…`, `export TOKEN=…`), `.properties` (`spring.datasource.password=…`), YAML
 * (`password: …`), JSON (`"api_key": "…"`), INI and TOML, `.npmrc` (`_authToken=…`), connection
 * strings (`…;Password=…;`) and code (`const clientSecret = "…"`). What decides is the name's
 * last word: `DB_PASSWORD` and `apiKey` are secrets, `PASSWORD_MIN_LENGTH`, `TOKEN_TTL_SECONDS`,
 * `secretKeyName` and `password_hash` are not. Values that are references, placeholders,
 * numbers, paths or hashes (`$…`, `${…}`, `<…>`, `process.env…`, `12`, `/run/secrets/x`) are left
 * alone. One pass over the operators (`=`, `:`), with bounded look-back and look-ahead.
 */

/** Last words that name a secret on their own. */
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'secret',
  'secrets',
  'token',
  'credential',
  'credentials',
  'creds',
  'apikey',
  'authtoken',
  'accountkey',
  'sharedaccesskey',
])
/** Words before a final `key` that make it a secret key (`api_key`, `SIGNING_KEY`). */
const KEY_QUALIFIERS = new Set([
  'api',
  'secret',
  'private',
  'access',
  'auth',
  'client',
  'signing',
  'encryption',
  'master',
  'account',
  'shared',
  'app',
  'service',
  'session',
  'license',
  'consumer',
  'webhook',
])

/** Space, tab, quotes and `]` may stand between a name and its operator (`"key": `, `["k"] =`). */
const SKIPPED_BEFORE_OPERATOR = new Set([32, 9, 34, 39, 96, 93])
const isNameChar = (c: number) =>
  (c >= 97 && c <= 122) ||
  (c >= 65 && c <= 90) ||
  (c >= 48 && c <= 57) ||
  c === 95 ||
  c === 46 ||
  c === 45
/** Characters that end an unquoted value: white space, quotes, `;` `,` `#` `=` (and `&`). */
const VALUE_ENDS = new Set([...' \t\r\n\f\v"\'`;,#='].map((c) => c.charCodeAt(0)))
const URL_VALUE_ENDS = new Set([...VALUE_ENDS, 38])
/** A cheap first test: names without any of these are never secret names. */
const SECRET_HINT = /pass|pwd|secret|token|cred|key|_auth/i
const MAX_NAME = 80
const MAX_VALUE = 1024

/** The words of a name: `spring.datasource.password` → spring, datasource, password. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase())
}

const kindCache = new Map<string, 'password' | 'key' | undefined>()

/** How much a name says its value is a secret: 'password' (any value), 'key' (random-looking). */
export function secretNameKind(name: string): 'password' | 'key' | undefined {
  if (kindCache.has(name)) return kindCache.get(name)
  const kind = nameKind(name)
  if (kindCache.size > 4096) kindCache.clear()
  kindCache.set(name, kind)
  return kind
}

function nameKind(name: string): 'password' | 'key' | undefined {
  if (name === '_auth' || name === '_password') return 'password'
  const words = wordsOf(name)
  const last = words[words.length - 1]
  const prev = words[words.length - 2]
  if (last === undefined) return undefined
  if (['password', 'passwd', 'pwd', 'pass', 'passphrase'].includes(last)) return 'password'
  if (SECRET_WORDS.has(last)) return 'key'
  if (last === 'key' && prev !== undefined && KEY_QUALIFIERS.has(prev)) return 'key'
  if (last === 'data' && prev === 'key') return 'key' // kubeconfig client-key-data
  return undefined
}

const PLACEHOLDER_WORDS = new Set([
  'password',
  'passwd',
  'secret',
  'token',
  'changeme',
  'change-me',
  'example',
  'placeholder',
  'redacted',
  'null',
  'none',
  'nil',
  'true',
  'false',
  'undefined',
  'required',
  'optional',
  'string',
  'str',
  'bool',
  'boolean',
  'number',
  'int',
  'any',
  'todo',
  'tbd',
  'test',
  'dummy',
  'xxx',
])

/** Whether a value is a reference, a placeholder, a number, a path or a hash, not a secret. */
export function isNotSecretValue(value: string): boolean {
  const v = value.trim()
  if (v.length < 4) return true
  if (/^[-+]?[\d.,_]+[a-z]{0,3}$/i.test(v)) return true
  if (
    /^(?:\$|%|<|\{\{|\[\[|@|\(|process\.env|os\.environ|os\.getenv|env[.[(]|ENV\[|System\.getenv|getenv|secrets\.|vault:|ref\+|arn:|!)/i.test(
      v,
    )
  )
    return true
  if (/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(v)) return true
  if (/^(?:your|my|example|sample|some|dummy|fake|test|insert|enter|replace|put)[\s_-]/i.test(v))
    return true
  if (/^(?:x{3,}|\*{3,}|\.{3,}|#{3,}|-{3,}|_{3,})/i.test(v)) return true
  if (PLACEHOLDER_WORDS.has(v.toLowerCase())) return true
  // Hashes and digests: sha256-…, sha512-… integrity strings, $2b$ bcrypt (caught by `$` above).
  if (/^(?:sha\d{1,3}|md5|blake2b?)[-:]/i.test(v)) return true
  return false
}

/** Reads the name that ends just before `i` (skipping quotes and spaces); [start, name]. */
function nameBefore(text: string, i: number): [number, string] | undefined {
  let j = i - 1
  let skipped = 0
  while (j >= 0 && skipped < 4 && SKIPPED_BEFORE_OPERATOR.has(text.charCodeAt(j))) {
    j--
    skipped++
  }
  const end = j + 1
  while (j >= 0 && end - j <= MAX_NAME && isNameChar(text.charCodeAt(j))) j--
  if (end - j > MAX_NAME || end - j <= 1) return undefined
  const name = text.slice(j + 1, end)
  return SECRET_HINT.test(name) ? [j + 1, name] : undefined
}

/** Whether the name starts its line (only indentation, `export`, `- ` or `set` before it). */
function startsLine(text: string, nameStart: number): boolean {
  let j = nameStart - 1
  let seen = 0
  while (j >= 0 && text[j] !== '\n' && seen < 24) {
    j--
    seen++
  }
  const before = text.slice(j + 1, nameStart)
  return /^[ \t]*(?:export[ \t]+|-[ \t]+|set[ \t]+)?$/.test(before)
}

/** Reads the value after an operator at `i`: [start, end, quoted] or undefined. */
function valueAfter(
  text: string,
  i: number,
  urlParameter: boolean,
): [number, number, boolean] | undefined {
  let j = i
  let skipped = 0
  while (j < text.length && skipped < 4 && (text[j] === ' ' || text[j] === '\t')) {
    j++
    skipped++
  }
  const quote = text[j]
  if (quote === '"' || quote === "'" || quote === '`') {
    const start = j + 1
    let k = start
    while (k < text.length && k - start <= MAX_VALUE && text[k] !== quote && text[k] !== '\n') {
      k += text[k] === '\\' ? 2 : 1
    }
    if (text[k] !== quote) return undefined
    return [start, k, true]
  }
  const start = j
  let k = start
  const ends = urlParameter ? URL_VALUE_ENDS : VALUE_ENDS
  while (k < text.length && k - start <= MAX_VALUE && !ends.has(text.charCodeAt(k))) k++
  while (k < text.length && text[k] === '=' && k - start <= MAX_VALUE + 3) k++
  if (k - start > MAX_VALUE + 3) return undefined
  return [start, k, false]
}

/** Whether an unquoted value is a literal here (config lines, flags, connection strings). */
function unquotedIsLiteral(
  text: string,
  op: string,
  at: number,
  nameStart: number,
  [start, end]: [number, number],
): boolean {
  const next = text[end] ?? ''
  const raw = text.slice(start, end)
  if (/[([.]/.test(next) || /[()[\]{}]/.test(raw)) return false
  const identifier = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(raw) && !/\d/.test(raw)
  const lineEnds = /^[ \t]*(?:#[^\n]*)?(?:\r?\n|$)/.test(text.slice(end, end + 200))
  const configLine = startsLine(text, nameStart) && lineEnds
  if (op === '=' && configLine) return true
  if (identifier) return false
  if (op === ':') return configLine && /[ \t]/.test(text[at] ?? '')
  // `KEY=value`, `--password=value`, `?token=value`, `Password=value;`: no spaces around `=`.
  return op === '=' && text[at - 2] !== ' ' && text[at] !== ' '
}

/** Every secret value assigned to a secret-looking name. */
export function findAssignments(
  text: string,
  limit = Infinity,
  keepGoing: () => boolean = () => true,
): Span[] & { stoppedAt?: number } {
  const found: Span[] & { stoppedAt?: number } = []
  const operators = /=>|:=|=|:/g
  let lastEnd = 0
  let seen = 0
  for (let m = operators.exec(text); m; m = operators.exec(text)) {
    const op = m.index
    if (++seen % 1024 === 0 && !keepGoing()) {
      found.stoppedAt = op
      break
    }
    if (op < lastEnd) continue
    const named = nameBefore(text, op)
    if (!named) continue
    const [nameStart, name] = named
    const kind = secretNameKind(name)
    if (!kind) continue
    const at = op + m[0].length
    const value = valueAfter(text, at, text[nameStart - 1] === '?' || text[nameStart - 1] === '&')
    if (!value) continue
    const [start, end, quoted] = value
    const raw = text.slice(start, end)
    if (isNotSecretValue(raw)) continue
    if (!quoted && !unquotedIsLiteral(text, m[0], at, nameStart, [start, end])) continue
    if (kind === 'key' && !looksRandom(raw)) continue
    found.push({ start, end })
    if (found.length >= limit) break
    lastEnd = end
  }
  return found
}

/** A key or token value: long enough, not a plain word, and not too repetitive. */
function looksRandom(value: string): boolean {
  return value.length >= 8 && /[^A-Za-z]/.test(value) && entropy(value) >= 3
}
