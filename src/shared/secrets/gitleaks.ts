import data from './gitleaks-rules.json'
import { entropy } from './entropy'
import { buildKeywordIndex } from './keyword-index'
import {
  allowPattern,
  type GitleaksAllowlistData,
  type GitleaksRuleData,
  type PreparedRule,
} from './gitleaks-prepare'

/** A rule as gitleaks-rules.json holds it: gitleaks' data and, for rules that run, `js`. */
type RuleData = GitleaksRuleData & { js?: PreparedRule }
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

// Merged windows are scanned in chunks of this size (the limits are looked at between chunks).
const CHUNK = 8 * 1024

function compileAllowlist(a: GitleaksAllowlistData, sources?: string[]): Allowlist {
  const target = a.regexTarget === 'match' || a.regexTarget === 'line' ? a.regexTarget : 'secret'
  return {
    and: a.condition === 'AND',
    target,
    regexes: (sources ?? (a.regexes ?? []).map(allowPattern)).map((r) => new RegExp(r)),
    stopwords: (a.stopwords ?? []).map((w) => w.toLowerCase()),
  }
}

function compile(rule: RuleData): CompiledRule | undefined {
  const js = rule.js
  if (!js) return undefined
  return {
    id: rule.id,
    pattern: new RegExp(js.source, `gd${js.flags}`),
    groups: js.groups,
    reach: js.reach,
    ...(rule.secretGroup !== undefined && { secretGroup: js.groups[rule.secretGroup - 1] ?? 0 }),
    ...(rule.entropy !== undefined && { entropy: rule.entropy }),
    allowlists: (rule.allowlists ?? []).map((a, i) => compileAllowlist(a, js.allow[i])),
  }
}

const rulesData = data.rules as RuleData[]
const compiled = rulesData.map((r) => [r, compile(r)] as const)
const RULES = compiled.flatMap(([, c]) => (c ? [c] : []))
const GLOBAL = compileAllowlist(data.allowlist as GitleaksAllowlistData)
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

const REACH = Int32Array.from(RULES, (r) => r.reach)
const KEYWORD_LENGTH = Int32Array.from(keywords, (k) => k.length)

/** The chunks to match, or undefined when `keepGoing` said stop before all were found. */
function chunksOf(text: string, keepGoing?: () => boolean): Chunk[] | undefined {
  // The open region of each rule, as [from, to) in two typed arrays (-1: none yet): one keyword
  // occurrence costs a few array reads per rule it belongs to, however dense they are.
  const openFrom = new Int32Array(RULES.length).fill(-1)
  const openTo = new Int32Array(RULES.length)
  const regions: number[] = []
  const read = INDEX.scan(
    text,
    (keywordId, end) => {
      const keywordStart = end - (KEYWORD_LENGTH[keywordId] as number)
      for (const ruleIndex of rulesOfKeyword[keywordId] as number[]) {
        const reach = REACH[ruleIndex] as number
        const from = keywordStart > reach ? keywordStart - reach : 0
        const to = Math.min(text.length, end + reach)
        if (openFrom[ruleIndex] !== -1 && from <= (openTo[ruleIndex] as number)) {
          if (to > (openTo[ruleIndex] as number)) openTo[ruleIndex] = to
        } else {
          if (openFrom[ruleIndex] !== -1)
            regions.push(ruleIndex, openFrom[ruleIndex] as number, openTo[ruleIndex] as number)
          openFrom[ruleIndex] = from
          openTo[ruleIndex] = to
        }
      }
    },
    keepGoing,
  )
  if (read < text.length) return undefined
  for (let r = 0; r < RULES.length; r++) {
    if (openFrom[r] !== -1) regions.push(r, openFrom[r] as number, openTo[r] as number)
  }
  const chunks: Chunk[] = []
  for (let i = 0; i < regions.length; i += 3) {
    const rule = RULES[regions[i] as number] as CompiledRule
    const [from, to] = [regions[i + 1] as number, regions[i + 2] as number]
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
  const chunks = chunksOf(text, keepGoing)
  // Out of time while finding where the rules apply: none of the text has been matched on.
  if (!chunks) return { matches, stoppedAt: 0 }
  for (const chunk of chunks) {
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
  return (chunksOf(text) ?? []).reduce((sum, c) => sum + c.to - c.from, 0)
}

export { EXCLUDED_GITLEAKS_RULES } from './gitleaks-prepare'
