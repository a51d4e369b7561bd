import { maxMatchLength } from './max-length'
import { possessify } from './possessive'
import { re2ToJs, re2ToJsWithFlags } from './re2-to-js'

/**
 * Turns one gitleaks rule (RE2 syntax, as in gitleaks.toml) into what the scanner runs: a
 * JavaScript pattern hardened for a backtracking engine, the numbers of its own groups and how far
 * from a keyword a match can reach. Run by the import script (so nothing is translated at start)
 * and by a test that checks gitleaks-rules.json is current.
 */

/** One gitleaks rule as gitleaks.toml has it (less its description). */
export interface GitleaksRuleData {
  id: string
  regex?: string
  path?: string
  keywords: string[]
  entropy?: number
  secretGroup?: number
  allowlists?: GitleaksAllowlistData[]
}

export interface GitleaksAllowlistData {
  condition?: string
  regexTarget?: string
  regexes?: string[]
  stopwords?: string[]
}

/** What the scanner runs for a rule (stored as `js` beside the rule in gitleaks-rules.json). */
export interface PreparedRule {
  source: string
  flags: string
  /** The pattern's own capturing groups, in order (hardening adds helper groups). */
  groups: number[]
  /** Longest match (the scanner looks this far around a keyword). */
  reach: number
  /** Allowlist patterns, as JavaScript, in the order of the rule's allowlists. */
  allow: string[][]
}

/** Rules that are not run, and why (the scanner has no file path; some are Clipwise's own). */
export const EXCLUDED_GITLEAKS_RULES: Readonly<Record<string, string>> = {
  'generic-api-key': 'replaced by Clipwise assignment rules (see assignments.ts)',
  'private-key': 'replaced by a linear private-key block scanner (see private-keys.ts)',
  'curl-auth-header': 'replaced by Clipwise authorization-header rules',
  'curl-auth-user': 'replaced by Clipwise URL and authorization rules',
}

// Open-ended repeats are capped at this length, so every match has a bounded length.
const MAX_REPEAT = 1024
// Windows reach at most this far from a keyword (the gitleaks name prefix is dropped, so rules
// reach a few characters left of their keyword and at most this far right).
const MAX_REACH = 4096
// The lazy name prefix gitleaks puts before its keyword only moves the match start left: it never
// changes the secret, and in a backtracking engine it multiplies the work at every position.
const NAME_PREFIX = /^((?:\(\?i\)|\(\?i:)?)\[\\w\.-\]\{0,50\}\?/
// The name tail after the keyword, made atomic: backtracking into it only retries the same text.
const NAME_TAIL = '(?:[ \\t\\w.\\-]{0,20})'
const ATOMIC_TAIL = '(?=(?<t>[ \\t\\w.\\-]{0,20}))\\k<t>'

/** The pattern as JavaScript, hardened for a backtracking engine (same secrets as gitleaks). */
export function hardenGitleaksPattern(regex: string): { source: string; flags: string } {
  let re2 = regex
  for (let i = 0; i < 2; i++) re2 = re2.replace(NAME_PREFIX, '$1')
  const { source, flags } = re2ToJsWithFlags(re2, { maxRepeat: MAX_REPEAT })
  let tail = 0
  const hardened = possessify(source).replaceAll(NAME_TAIL, () =>
    ATOMIC_TAIL.replaceAll('<t>', `<t${++tail}>`),
  )
  return { source: hardened, flags }
}

/** Numbers of the pattern's own capturing groups (helper groups are named `h…` or `t…`). */
export function ownGroups(source: string): number[] {
  const own: number[] = []
  let count = 0
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') i++
    else if (inClass) inClass = c !== ']'
    else if (c === '[') inClass = true
    else if (c === '(') {
      const named = /^\(\?<([A-Za-z]\w*)>/.exec(source.slice(i, i + 40))
      if (source[i + 1] !== '?' || named) {
        count++
        if (!named || !/^[ht]\d+$/.test(named[1] ?? '')) own.push(count)
      }
    }
  }
  return own
}

/** JavaScript for an allowlist pattern (open-ended repeats capped, as for rules). */
export function allowPattern(regex: string): string {
  return re2ToJs(regex, { maxRepeat: MAX_REPEAT })
}

/** The prepared form of a rule, or undefined for rules the scanner does not run. */
export function prepareGitleaksRule(rule: GitleaksRuleData): PreparedRule | undefined {
  if (!rule.regex || rule.path || rule.id in EXCLUDED_GITLEAKS_RULES) return undefined
  const { source, flags } = hardenGitleaksPattern(rule.regex)
  const plain = re2ToJsWithFlags(rule.regex, { maxRepeat: MAX_REPEAT }).source
  return {
    source,
    flags,
    groups: ownGroups(source),
    reach: Math.min(maxMatchLength(plain), MAX_REACH),
    allow: (rule.allowlists ?? []).map((a) => (a.regexes ?? []).map(allowPattern)),
  }
}
