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
    find: groupMatches(
      /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@'"`<>]{1,256}:(?<secret>[^\s/@'"`<>]{1,256})@/dgi,
      (value) =>
        !/^[$%<{*]/.test(value) &&
        !/^(?:password|pass|passwd|pwd|secret|changeme|x+)$/i.test(value),
    ),
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
