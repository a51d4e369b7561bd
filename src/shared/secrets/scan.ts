import { CONTEXT_RULES } from './context-rules'
import type { SecretFinding } from './finding'
import { scanGitleaks } from './gitleaks'
import { describeGitleaksRule } from './gitleaks-meta'

export interface ScanOptions {
  /**
   * Most characters the rules may be matched on, summed over rules (default MAX_SCAN_WORK).
   * Ordinary text needs a few times its length; a text crafted so that every rule has to look
   * everywhere needs ~200 times. Past the limit the rest of the text counts as a secret from
   * where the scan stopped: a crafted copy cannot stall the caller, and nothing unchecked is sent
   * or stored. Counted in characters, not time, so a verdict never depends on machine load.
   */
  maxWork?: number
  /**
   * Longest a scan of BUDGET_FROM_CHARS or more may take, in ms (default SCAN_BUDGET_MS): looked
   * at between chunks of work, so no scan blocks its caller much longer. What is left counts as a
   * secret, as above. This only decides on crafted input or a machine so loaded that even
   * ordinary text runs over.
   */
  budgetMs?: number
  /** Clock in ms (tests). */
  now?: () => number
}

/** The time budget of one scan: the 50 ms goal less the slack of one chunk of work. */
export const SCAN_BUDGET_MS = 40

/**
 * Texts shorter than this are always scanned in full: their work is small whatever they hold,
 * and a pause of the process (the first scan compiling the rules, a garbage collection, a loaded
 * machine) must not turn an ordinary snippet into an unchecked one.
 */
export const BUDGET_FROM_CHARS = 64 * 1024

/**
 * Chosen with `npm run bench -- secrets`: ordinary 1 MiB texts (code, prose, logs) use at most
 * ~3 MiB; at 8 MiB the worst crafted 1 MiB input stays near the 50 ms goal on this machine.
 */
export const MAX_SCAN_WORK = 8 * 1024 * 1024

/**
 * Most findings one rule reports; past it, the rest of the text counts as a secret. No real copy
 * holds hundreds of credentials, and a crafted one (a megabyte of `PASSWORD=`) stays cheap.
 */
export const MAX_FINDINGS_PER_RULE = 256

/** Reported for the part of a text the scan had no time left for. */
export const UNCHECKED_KIND = 'unchecked'

function unchecked(start: number, end: number): SecretFinding {
  return {
    kind: UNCHECKED_KIND,
    category: 'SECRET',
    severity: 'HIGH',
    start,
    end,
    description: 'Text that could not be checked for credentials in full.',
  }
}

/** Keeps one finding per span: contained findings go, overlapping ones merge into the first. */
function withoutOverlaps(findings: SecretFinding[]): SecretFinding[] {
  const sorted = findings.sort((a, b) => a.start - b.start || b.end - a.end)
  const out: SecretFinding[] = []
  for (const f of sorted) {
    const last = out[out.length - 1]
    if (last && f.start < last.end) last.end = Math.max(last.end, f.end)
    else out.push({ ...f })
  }
  return out
}

/**
 * Every credential found in the text, in order, without overlaps: gitleaks' rule set (as data)
 * plus Clipwise's rules for what it lacks. Time is linear in the text, and work and time are bounded (see ScanOptions).
 */
export function scanSecrets(text: string, options: ScanOptions = {}): SecretFinding[] {
  const now = options.now ?? (() => performance.now())
  const budget = text.length < BUDGET_FROM_CHARS ? Infinity : (options.budgetMs ?? SCAN_BUDGET_MS)
  const deadline = now() + budget
  const keepGoing = () => now() <= deadline
  const found: SecretFinding[] = []
  let stop = text.length
  for (const rule of CONTEXT_RULES) {
    // A rule there was no time left for has checked nothing.
    if (!keepGoing()) return withoutOverlaps([...found, unchecked(0, text.length)])
    const spans = rule.find(text, MAX_FINDINGS_PER_RULE, keepGoing)
    for (const span of spans) {
      const { kind, category, severity, description } = rule
      found.push({ kind, category, severity, description, start: span.start, end: span.end })
    }
    const last = spans[spans.length - 1]
    if (last && spans.length >= MAX_FINDINGS_PER_RULE) stop = Math.min(stop, last.end)
    if (spans.stoppedAt !== undefined) stop = Math.min(stop, spans.stoppedAt)
  }
  const { matches, stoppedAt } = scanGitleaks(
    text,
    options.maxWork ?? MAX_SCAN_WORK,
    MAX_FINDINGS_PER_RULE,
    keepGoing,
  )
  for (const m of matches)
    found.push({ ...describeGitleaksRule(m.ruleId), start: m.start, end: m.end })
  if (stoppedAt !== undefined) stop = Math.min(stop, stoppedAt)
  if (stop < text.length) found.push(unchecked(stop, text.length))
  return withoutOverlaps(found)
}

/** The text with every finding's value replaced by `<redacted:kind>` (overlaps merged). */
export function redactSecrets(text: string, findings: readonly SecretFinding[]): string {
  let out = ''
  let cursor = 0
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.end <= cursor) continue
    out += text.slice(cursor, Math.max(cursor, f.start)) + `<redacted:${f.kind}>`
    cursor = f.end
  }
  return out + text.slice(cursor)
}
