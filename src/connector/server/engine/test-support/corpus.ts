import { readdirSync, readFileSync, statSync } from 'node:fs'
import { diffArrays } from 'diff'
import { extname, join } from 'node:path'
import { reservedWords } from './keywords'

/** A real source file found on this machine. */
export interface SourceFile {
  path: string
  ext: string
  text: string
}

const SKIP_DIRS = new Set(['.git', '.cache', 'test', 'tests', '__pycache__', 'fixtures', 'locale'])

/**
 * The package a found file belongs to: node_modules/<name> or node_modules/@scope/<name>, else
 * its folder four levels down (`/usr/lib/python3.11/asyncio`).
 */
export function packageOfSource(path: string): string {
  const m = /node_modules\/(@[^/]+\/[^/]+|[^/]+)/.exec(path)
  return m?.[1] ?? path.split('/').slice(0, 5).join('/')
}

/**
 * Walks `roots` deterministically (sorted) and returns up to `limit` readable files whose
 * extension is in `exts`, at most `perPackage` per package, skipping minified files.
 */
export function findSources(
  roots: string[],
  exts: string[],
  limit: number,
  perPackage = 6,
  maxBytes = 200_000,
): SourceFile[] {
  const out: SourceFile[] = []
  const wanted = new Set(exts)
  const perGroup = new Map<string, number>()
  const groupOf = packageOfSource
  const walk = (dir: string, depth: number): void => {
    if (out.length >= limit || depth > 12) return
    let entries: string[]
    try {
      entries = readdirSync(dir).sort()
    } catch {
      return
    }
    for (const name of entries) {
      if (out.length >= limit) return
      const path = join(dir, name)
      let st
      try {
        st = statSync(path)
      } catch {
        continue
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(path, depth + 1)
        continue
      }
      const ext = extname(name).slice(1)
      if (!wanted.has(ext) || name.endsWith('.d.ts') || name.includes('.min.')) continue
      if (st.size < 200 || st.size > maxBytes) continue
      const group = groupOf(path)
      if ((perGroup.get(group) ?? 0) >= perPackage) continue
      perGroup.set(group, (perGroup.get(group) ?? 0) + 1)
      const text = readFileSync(path, 'utf8')
      if (text.includes('\u0000') || /^.{400,}$/m.test(text)) continue
      out.push({ path, ext, text })
    }
  }
  for (const root of roots) walk(root, 0)
  return out
}

/**
 * Cuts a file into function-sized snippets: windows of `minLines`..`maxLines` non-trivial lines
 * that start at a line with no indentation (a top-level declaration) where possible.
 */
export function sliceSnippets(text: string, minLines = 8, maxLines = 30, stride = 0): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const out: string[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i] ?? ''
    if (line.trim() === '' || /^\s/.test(line)) {
      i++
      continue
    }
    let end = i + 1
    while (end < lines.length && end - i < maxLines) {
      const next = lines[end] ?? ''
      if (end - i >= minLines && next !== '' && !/^\s/.test(next) && !/^[)}\]]/.test(next)) break
      end++
    }
    const chunk = lines.slice(i, end)
    const nonBlank = chunk.filter((l) => l.trim() !== '').length
    if (nonBlank >= minLines) out.push(chunk.join('\n'))
    i = stride > 0 ? i + stride : end
  }
  return out
}

function lineSet(text: string): Set<string> {
  return new Set(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 3),
  )
}

/** Share of distinct non-trivial lines two texts have in common (engine-independent). */
export function lineJaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0
  for (const l of a) if (b.has(l)) inter++
  const union = a.size + b.size - inter
  return union === 0 ? 1 : inter / union
}

/**
 * Keeps snippets that share under `maxShared` of their lines with every snippet kept before
 * (and with every `against` text): vendored copies and generated twins make "the" original
 * ambiguous. An inverted line index keeps this near-linear.
 */
export function distinctSnippets(
  snippets: string[],
  maxShared = 0.5,
  against: string[] = [],
): string[] {
  const kept: string[] = []
  const sets: Set<string>[] = []
  const byLine = new Map<string, number[]>()
  const remember = (set: Set<string>): void => {
    const at = sets.push(set) - 1
    for (const l of set) {
      const list = byLine.get(l)
      if (list) list.push(at)
      else byLine.set(l, [at])
    }
  }
  for (const text of against) remember(lineSet(text))
  for (const text of snippets) {
    const set = lineSet(text)
    if (set.size < 3) continue
    const seen = new Set<number>()
    for (const l of set) for (const at of byLine.get(l) ?? []) seen.add(at)
    let clash = false
    for (const at of seen) if (lineJaccard(set, sets[at] ?? new Set()) >= maxShared) clash = true
    if (clash) continue
    kept.push(text)
    remember(set)
  }
  return kept
}

/** A text's non-trivial lines, trimmed, in order (as `lineSet` counts them). */
const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 3)

/** Share of the lines `mine` that a line diff finds unchanged in `theirs`, in order. */
function keptShare(mine: string[], theirs: string[]): number {
  if (mine.length === 0) return 0
  const kept = diffArrays(theirs, mine)
    .filter((part) => !part.added && !part.removed)
    .reduce((n, part) => n + part.count, 0)
  return kept / mine.length
}

/**
 * Share of `text`'s non-trivial lines that a line diff (jsdiff's `diffArrays`) finds unchanged in
 * `other`, in order: how much of it is a copy of `other`, whatever the engine says.
 */
export function copiedShare(text: string, other: string): number {
  return keptShare(linesOf(text), linesOf(other))
}

// Strings and numbers as written, or a name.
const WORD =
  /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|\d[\w.]*)|([A-Za-z_$][\w$]*)/g

/**
 * A text's non-trivial lines (as `linesOf`) with every name that is not a reserved word of
 * `lang` numbered (`#0`, `#1`… in order of first use in the text), strings and numbers kept: a
 * consistent rename keeps each line, whatever the engine says. (Numbered within each line
 * instead, 41 of the reuse report's 661 unrelated held-out snippets read as renamed copies,
 * many only of the same shape; numbered in the text, 7: templated twins of sibling files.) Empty for a list (half the lines
 * or more one line once every name is blinded: `exports.a = a;`, `import a.b.C;`): a list's
 * names are its content, and two lists of other names are other lists.
 */
export function blindedLines(text: string, lang: string): string[] {
  const reserved = reservedWords(lang)
  const isReserved = (w: string): boolean => reserved.has(lang === 'sql' ? w.toUpperCase() : w)
  const lines = linesOf(text)
  const shapes = new Map<string, number>()
  const names = new Map<string, number>()
  const out = lines.map((line) => {
    const blind = (all: string, kept: string | undefined, name: string | undefined): string => {
      if (kept !== undefined || name === undefined || isReserved(name)) return all
      if (!names.has(name)) names.set(name, names.size)
      return `#${names.get(name) ?? 0}`
    }
    const shape = line.replace(WORD, (all: string, _kept: unknown, name: string | undefined) =>
      name !== undefined && !isReserved(name) ? '#' : all,
    )
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1)
    return line.replace(WORD, blind)
  })
  const most = Math.max(0, ...shapes.values())
  return most * 2 >= lines.length ? [] : out
}

/**
 * Splits `candidates` into those under `maxShare` copied (see `copiedShare`) from every text of
 * `saved`, and the others with the saved text they copy most. Only saved texts sharing a line
 * with the candidate are diffed (an inverted line index keeps this near-linear). `lines` reads a
 * text's lines (`blindedLines` finds renamed copies).
 */
export function splitCopies<T extends { text: string }>(
  candidates: T[],
  saved: T[],
  maxShare = 0.5,
  lines: (item: T) => string[] = (item) => linesOf(item.text),
): { kept: T[]; copies: { candidate: T; of: T; share: number }[] } {
  const byLine = new Map<string, number[]>()
  const savedLines = saved.map(lines)
  savedLines.forEach((mine, at) => {
    for (const l of new Set(mine)) {
      const list = byLine.get(l)
      if (list) list.push(at)
      else byLine.set(l, [at])
    }
  })
  const kept: T[] = []
  const copies: { candidate: T; of: T; share: number }[] = []
  for (const c of candidates) {
    const mine = lines(c)
    const near = new Set(mine.flatMap((l) => byLine.get(l) ?? []))
    let best: { of: T; share: number } | undefined
    for (const at of near) {
      const share = keptShare(mine, savedLines[at] ?? [])
      if (share > (best?.share ?? 0)) best = { of: saved[at] as T, share }
    }
    if (best && best.share >= maxShare) copies.push({ candidate: c, ...best })
    else kept.push(c)
  }
  return { kept, copies }
}
