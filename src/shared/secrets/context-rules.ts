import { findAssignments, isNotSecretValue } from './assignments'
import { entropy } from './entropy'
import type { SecretFinding } from './finding'
import { findPrivateKeys, type Span } from './private-keys'

/** A Clipwise rule for what gitleaks' rule set lacks; `find` is linear in the text. */
export interface ContextRule {
  kind: string
  category: SecretFinding['category']
  severity: SecretFinding['severity']
  description: string
  /**
   * Spans in order; stops after `limit` of them, or where `keepGoing` says no (then the array's
   * `stoppedAt` says where).
   */
  find(text: string, limit?: number, keepGoing?: () => boolean): Span[] & { stoppedAt?: number }
}

/**
 * Spans of the `secret` group of every match. Each pattern here starts with a literal and its
 * repeats are followed by characters they cannot take, so a match attempt does bounded work.
 */
function groupMatches(pattern: RegExp, accept: (value: string) => boolean = () => true) {
  return (text: string, limit = Infinity): Span[] => {
    const found: Span[] = []
    for (const m of text.matchAll(pattern)) {
      const span = m.indices?.groups?.secret
      const value = m.groups?.secret
      if (span && value !== undefined && accept(value)) found.push({ start: span[0], end: span[1] })
      if (found.length >= limit) break
    }
    return found
  }
}

const random = (value: string) => !isNotSecretValue(value) && entropy(value) >= 3

const SCHEME_CHAR = /[a-z0-9+.-]/i
const NOT_IN_USER = new Set([...' \t\r\n"\'`<>:/@'].map((c) => c.charCodeAt(0)))
const NOT_IN_PASSWORD = new Set([...' \t\r\n"\'`<>/@'].map((c) => c.charCodeAt(0)))
const PLACEHOLDER_PASSWORD = /^(?:[$%<{*]|(?:password|pass|passwd|pwd|secret|changeme|x+)$)/i

/**
 * `scheme://user:password@host`: found from each `://` (the scheme read backwards, at most 20
 * characters; user and password at most 256 each), so a run of near-URLs costs little.
 */
function findUrlPasswords(text: string, limit = Infinity): Span[] {
  const found: Span[] = []
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 3)) {
    let s = at - 1
    while (s >= 0 && at - s <= 21 && SCHEME_CHAR.test(text[s] as string)) s--
    if (at - s < 3 || at - s > 21 || !/[a-z]/i.test(text[s + 1] as string)) continue
    let i = at + 3
    while (i < text.length && i - at <= 259 && !NOT_IN_USER.has(text.charCodeAt(i))) i++
    if (text[i] !== ':' || i === at + 3) continue
    const start = i + 1
    let j = start
    while (j < text.length && j - start < 256 && !NOT_IN_PASSWORD.has(text.charCodeAt(j))) j++
    if (text[j] !== '@' || j === start) continue
    if (PLACEHOLDER_PASSWORD.test(text.slice(start, j))) continue
    found.push({ start, end: j })
    if (found.length >= limit) break
  }
  return found
}

/** Kubernetes Secret manifests: every value under `data:` or `stringData:`. */
function findKubernetesSecretData(text: string, limit = Infinity): Span[] {
  if (!/\bkind:[ \t]*["']?Secret\b/.test(text)) return []
  const found: Span[] = []
  let block: number | undefined
  let at = 0
  for (const line of text.split('\n')) {
    const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0
    const body = line.slice(indent)
    if (block !== undefined && body !== '' && indent <= block) block = undefined
    if (block === undefined) {
      if (/^(?:data|stringData):[ \t]*$/.test(body)) block = indent
    } else {
      const entry = /^["']?[\w.-]+["']?:[ \t]*(.*)$/.exec(body)
      const value = entry?.[1]?.trim() ?? body.trim()
      if (value !== '' && !/^[|>][-+]?$/.test(value) && !/^\{\{.*\}\}$/.test(value)) {
        const start = at + line.lastIndexOf(value)
        found.push({ start, end: start + value.length })
        if (found.length >= limit) break
      }
    }
    at += line.length + 1
  }
  return found
}

/** Clipwise's own rules, for credentials gitleaks' rule set does not cover. */
export const CONTEXT_RULES: readonly ContextRule[] = [
  {
    kind: 'private-key',
    category: 'PRIVATE_KEY',
    severity: 'HIGH',
    description: 'A private key block.',
    find: findPrivateKeys,
  },
  {
    kind: 'azure-sas-signature',
    category: 'ACCESS_TOKEN',
    severity: 'HIGH',
    description: 'An Azure shared access signature.',
    find: groupMatches(/[?&;]sig=(?<secret>[A-Za-z0-9%+/]{16,512}(?:%3D|=){0,3})/dg),
  },
  {
    kind: 'twilio-auth-token',
    category: 'SECRET',
    severity: 'HIGH',
    description: 'A Twilio auth token next to its account SID.',
    find: groupMatches(
      /\bAC[0-9a-f]{32}["'`][ \t]{0,8},[ \t\n]{0,8}["'`](?<secret>[0-9a-f]{32})\b/dg,
    ),
  },
  {
    kind: 'authorization-header',
    category: 'ACCESS_TOKEN',
    severity: 'HIGH',
    description: 'Credentials in an Authorization header.',
    find: groupMatches(
      /\b(?:proxy-)?authorization["']?[ \t]{0,4}[:=,][ \t]{0,4}["']?(?:basic|bearer|token|digest)[ \t]{1,4}(?<secret>[A-Za-z0-9._~+/-]{8,4096}={0,2})/dgi,
      random,
    ),
  },
  {
    kind: 'url-password',
    category: 'URL',
    severity: 'HIGH',
    description: 'A password inside a URL.',
    find: findUrlPasswords,
  },
  {
    kind: 'gcp-oauth-client-secret',
    category: 'CLIENT_SECRET',
    severity: 'HIGH',
    description: 'A Google OAuth client secret.',
    find: groupMatches(/(?<secret>GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])/dg),
  },
  {
    kind: 'kubernetes-secret-data',
    category: 'SECRET',
    severity: 'HIGH',
    description: 'A value in a Kubernetes Secret.',
    find: findKubernetesSecretData,
  },
  {
    kind: 'secret-assignment',
    category: 'SECRET',
    severity: 'HIGH',
    description: 'A password, secret or key assigned in code or configuration.',
    // Last: the only rule that looks at every `=` and `:`.
    find: findAssignments,
  },
]
