import data from './gitleaks-rules.json'
import { entropy } from './entropy'
import { buildKeywordIndex } from './keyword-index'
import { maxMatchLength } from './max-length'
import { possessify } from './possessive'
import { re2ToJs, re2ToJsWithFlags } from './re2-to-js'

/** One gitleaks rule as `gitleaks-rules.json` holds it (see scripts/import-gitleaks-rules.ts). */
interface RuleData {
  id: string
  regex?: string
  path?: string
  keywords: string[]
  entropy?: number
  secretGroup?: number
  allowlists?: AllowlistData[]
}

interface AllowlistData {
  condition?: string
  regexTarget?: string
  regexes?: string[]
  stopwords?: string[]
}

/** A value gitleaks' rules found; `start`/`end` index the secret itself. */
export interface GitleaksMatch {
  ruleId: string
  start: number
  end: number
}

interface Allowlist {
  and: boolean
  target: 'secret' | 'match' | 'line'
  regexes: RegExp[]
  stopwords: string[]
}

interface CompiledRule {
  id: string
  pattern: RegExp
  /** The pattern's own capturing groups, in order (hardening adds helper groups). */
  groups: number[]
  /** Longest match (windows around keywords reach this far). */
  reach: number
  secretGroup?: number
  entropy?: number
  allowlists: Allowlist[]
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
// Merged windows are scanned in chunks of this size (the work guard looks between chunks).
const CHUNK = 8 * 1024
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
function ownGroups(source: string): number[] {
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

function compileAllowlist(a: AllowlistData): Allowlist {
  const target = a.regexTarget === 'match' || a.regexTarget === 'line' ? a.regexTarget : 'secret'
  return {
    and: a.condition === 'AND',
    target,
    regexes: (a.regexes ?? []).map((r) => new RegExp(re2ToJs(r, { maxRepeat: MAX_REPEAT }))),
    stopwords: (a.stopwords ?? []).map((w) => w.toLowerCase()),
  }
}

function compile(rule: RuleData): CompiledRule | undefined {
  if (!rule.regex || rule.path || rule.id in EXCLUDED_GITLEAKS_RULES) return undefined
  const { source, flags } = hardenGitleaksPattern(rule.regex)
  const groups = ownGroups(source)
  const plain = re2ToJsWithFlags(rule.regex, { maxRepeat: MAX_REPEAT }).source
  return {
    id: rule.id,
    reach: Math.min(maxMatchLength(plain), MAX_REACH),
    pattern: new RegExp(source, `gd${flags}`),
    groups,
    ...(rule.secretGroup !== undefined && { secretGroup: groups[rule.secretGroup - 1] ?? 0 }),
    ...(rule.entropy !== undefined && { entropy: rule.entropy }),
    allowlists: (rule.allowlists ?? []).map(compileAllowlist),
  }
}

const rulesData = data.rules as RuleData[]
const compiled = rulesData.map((r) => [r, compile(r)] as const)
const RULES = compiled.flatMap(([, c]) => (c ? [c] : []))
const GLOBAL = compileAllowlist(data.allowlist as AllowlistData)
/** Ids of the gitleaks rules this build runs. */
export const GITLEAKS_RULE_IDS: readonly string[] = RULES.map((r) => r.id)
/** Where the rule data comes from (gitleaks version or commit). */
export const GITLEAKS_SOURCE: string = data.source

const keywords: string[] = []
const rulesOfKeyword: number[][] = []
compiled.forEach(([r, c]) => {
  if (!c) return
  const ruleIndex = RULES.indexOf(c)
  for (const k of r.keywords) {
    const lower = k.toLowerCase()
    let id = keywords.indexOf(lower)
    if (id < 0) {
      id = keywords.push(lower) - 1
      rulesOfKeyword.push([])
    }
    rulesOfKeyword[id]?.push(ruleIndex)
  }
})
const INDEX = buildKeywordIndex(keywords)

function allowed(list: Allowlist, secret: string, match: string, line: () => string): boolean {
  const target = list.target === 'secret' ? secret : list.target === 'match' ? match : line()
  const checks: boolean[] = []
  if (list.regexes.length > 0) checks.push(list.regexes.some((r) => r.test(target)))
  if (list.stopwords.length > 0) {
    const lower = secret.toLowerCase()
    checks.push(list.stopwords.some((w) => lower.includes(w)))
  }
  if (checks.length === 0) return false
  return list.and ? checks.every(Boolean) : checks.some(Boolean)
}

/** The line around [start, end), at most 512 characters either side (allowlists read it). */
function lineAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 512)
  const newline = text.indexOf('\n', end)
  const to = Math.min(newline < 0 ? text.length : newline, end + 512)
  return text.slice(from, to)
}

function matchesInWindow(rule: CompiledRule, text: string, from: number, to: number) {
  const found: GitleaksMatch[] = []
  const window = text.slice(from, to)
  rule.pattern.lastIndex = 0
  for (const m of window.matchAll(rule.pattern)) {
    const groups = m.indices ?? []
    const group = rule.secretGroup ?? rule.groups.find((g) => m[g]) ?? 0
    const span = groups[group] ?? groups[0]
    if (!span) continue
    let [start, end] = span
    const secretText = window.slice(start, end).replace(/^\n+|\n+$/g, '')
    start = window.indexOf(secretText, start)
    end = start + secretText.length
    if (secretText === '') continue
    if (rule.entropy !== undefined && entropy(secretText) <= rule.entropy) continue
    const match = m[0]
    const line = () => lineAround(window, start, end)
    if (allowed(GLOBAL, secretText, match, line)) continue
    if (rule.allowlists.some((a) => allowed(a, secretText, match, line))) continue
    found.push({ ruleId: rule.id, start: from + start, end: from + end })
  }
  return found
}

/** A span of text one rule must be matched on. */
type Chunk = { rule: CompiledRule; from: number; to: number }

function chunksOf(text: string): Chunk[] {
  const open = new Map<number, [number, number]>()
  const regions: [number, number, number][] = []
  INDEX.scan(text, (keywordId, end) => {
    const keywordStart = end - (keywords[keywordId]?.length ?? 0)
    for (const ruleIndex of rulesOfKeyword[keywordId] ?? []) {
      const reach = RULES[ruleIndex]?.reach ?? MAX_REACH
      const from = Math.max(0, keywordStart - reach)
      const to = Math.min(text.length, end + reach)
      const region = open.get(ruleIndex)
      if (region && from <= region[1]) region[1] = Math.max(region[1], to)
      else {
        if (region) regions.push([ruleIndex, region[0], region[1]])
        open.set(ruleIndex, [from, to])
      }
    }
  })
  for (const [ruleIndex, [from, to]] of open) regions.push([ruleIndex, from, to])
  const chunks: Chunk[] = []
  for (const [ruleIndex, from, to] of regions) {
    const rule = RULES[ruleIndex] as CompiledRule
    // Consecutive chunks overlap by the rule's reach, so no match falls between two.
    for (let at = from; at < to; at += CHUNK) {
      chunks.push({ rule, from: at, to: Math.min(to, at + CHUNK + rule.reach) })
    }
  }
  return chunks.sort((a, b) => a.from - b.from)
}

/**
 * Runs gitleaks' rules on a text. As in gitleaks, a rule runs only if one of its keywords occurs;
 * here only on the text within its reach of an occurrence, and with patterns hardened to do
 * bounded work per position. The work (characters matched on, summed over rules) stops at
 * `maxWork`: the rest of the text is then left unscanned and its start returned as `stoppedAt`.
 */
export function scanGitleaks(
  text: string,
  maxWork = Infinity,
  maxMatches = Infinity,
  keepGoing: () => boolean = () => true,
): { matches: GitleaksMatch[]; stoppedAt?: number } {
  const matches: GitleaksMatch[] = []
  const seen = new Set<string>()
  let work = 0
  for (const chunk of chunksOf(text)) {
    work += chunk.to - chunk.from
    if (work > maxWork || !keepGoing()) return { matches, stoppedAt: chunk.from }
    for (const m of matchesInWindow(chunk.rule, text, chunk.from, chunk.to)) {
      const key = `${m.ruleId}:${m.start}`
      if (seen.has(key)) continue
      seen.add(key)
      matches.push(m)
      if (matches.length >= maxMatches) return { matches, stoppedAt: m.end }
    }
  }
  return { matches }
}

/** The work scanGitleaks would do on a text (characters matched on, summed over rules). */
export function gitleaksWork(text: string): number {
  return chunksOf(text).reduce((sum, c) => sum + c.to - c.from, 0)
}
