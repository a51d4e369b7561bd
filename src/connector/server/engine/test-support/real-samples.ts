/**
 * Test and bench support (never imported by the engine): function-sized snippets of real files of
 * named packages (`sample-sources.ts`), with the language their file is written in.
 */
import {
  closeSync,
  type Dirent,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
} from 'node:fs'
import { extname, join } from 'node:path'
import ts from 'typescript'
import { distinctSnippets, sliceSnippets, type SourceFile } from './corpus'
import { partOfPackage, SAMPLE_SOURCES, type SamplePart, type SampleSource } from './sample-sources'

export { SAMPLE_SOURCES, type SamplePart } from './sample-sources'

/** A snippet of a real file and the language of that file (spec extension value). */
export interface LanguageSample {
  lang: string
  path: string
  text: string
  /** The package it came from (`deb:…`, `npm:…`, `dev:<package>`). */
  from: string
}

const LINE_COMMENT: Record<string, RegExp> = {
  py: /^\s*#/,
  sh: /^\s*#/,
  pl: /^\s*#/,
  yaml: /^\s*#/,
  sql: /^\s*--/,
}
const SLASH_LINE = /^\s*(?:\/\/|\*)/
/** Where a comment block (or a Python docstring) opens and closes. */
const BLOCK: Record<string, [RegExp, RegExp]> = {
  py: [/^\s*[rbuf]?("""|''')/, /("""|''')\s*$/],
}
const SLASH_BLOCK: [RegExp, RegExp] = [/^\s*\/\*/, /\*\//]

/** For each line of a file: whether it is a comment or docstring line (blank lines: false). */
function commentMask(lang: string, text: string): boolean[] {
  const line = LINE_COMMENT[lang] ?? SLASH_LINE
  const [open, close] = BLOCK[lang] ?? SLASH_BLOCK
  let inBlock = false
  return text.split('\n').map((l) => {
    if (l.trim() === '') return false
    if (inBlock) {
      if (close.test(l)) inBlock = false
      return true
    }
    const opened = open.exec(l)
    if (opened) {
      inBlock = !close.test(l.slice(opened.index + opened[0].length))
      return true
    }
    return line.test(l)
  })
}

/**
 * Whether at least half the non-blank lines of `slice` (found at `start`, a line index of the
 * file) are code rather than comments or docstrings: judged on the whole file, so that a slice
 * starting inside a comment block is recognised.
 */
function mostlyCode(lang: string, slice: string, mask: boolean[], start: number): boolean {
  if (lang === 'md' || lang === 'json') return true
  const lines = slice.split('\n')
  // An HTML file's <style> and <script> bodies are CSS and JavaScript: keep markup.
  if (lang === 'html') return lines.filter((l) => /<\/?[a-zA-Z]/.test(l)).length >= 3
  let code = 0
  let total = 0
  lines.forEach((l, i) => {
    if (l.trim() === '') return
    total++
    if (!mask[start + i]) code++
  })
  return code >= total / 2
}

/** Line index at which `slice` starts in `text`. */
const startLine = (text: string, slice: string): number =>
  text.slice(0, Math.max(0, text.indexOf(slice))).split('\n').length - 1

/** Markdown that shows none of its syntax is plain text: keep slices with some. */
const MARKDOWN = /^#{1,6} |^\s*[-*] |^\s*\d+\. |^```|\[[^\]]+\]\([^)]+\)|`[^`]+`/m

const SKIP_DIRS = new Set(['.git', 'test', 'tests', '__pycache__', 'fixtures', 'locale', 'man'])

/** Files taken at most from one dev dependency. */
const PER_PACKAGE = 3

const listings = new Map<string, Dirent[]>()

/** A folder's entries, sorted by name (cached: several languages walk node_modules). */
function listDir(dir: string): Dirent[] {
  let entries = listings.get(dir)
  if (!entries) {
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))
    } catch {
      entries = []
    }
    listings.set(dir, entries)
  }
  return entries
}

/**
 * Files under `root` with one of `exts`, sorted walk, at most `perDir` per folder (so one big
 * folder does not fill the quota), skipping minified, generated and binary files.
 */
function filesIn(
  source: SampleSource,
  root: string,
  part: SamplePart,
  limit: number,
): SourceFile[] {
  const out: SourceFile[] = []
  const { exts, shebang, perDir = source.split ? 2 : 40 } = source
  const wanted = new Set(exts)
  const perPackage = new Map<string, number>()
  const walk = (dir: string, depth: number): void => {
    const entries = listDir(dir)
    let taken = 0
    // Dev dependencies: a few files of many packages rather than many of the first ones.
    const pkg = source.split ? (packageOf(dir) ?? '') : ''
    if ((perPackage.get(pkg) ?? 0) >= PER_PACKAGE) return
    for (const e of entries) {
      if (out.length >= limit) return
      const path = join(dir, e.name)
      if (e.isDirectory()) {
        if (depth < 10 && !SKIP_DIRS.has(e.name) && inPart(source, path, part))
          walk(path, depth + 1)
        continue
      }
      const ext = extname(e.name).slice(1)
      const script =
        shebang !== undefined && !e.name.includes('.') && firstLineMatches(path, shebang)
      if (taken >= perDir || !e.isFile() || !(wanted.has(ext) || script)) continue
      if (/\.d\.[mc]?ts$/.test(e.name) || e.name.includes('.min.')) continue
      try {
        const size = statSync(path).size
        if (size < 200 || size > 200_000) continue
        const text = readFileSync(path, 'utf8')
        if (text.includes('\u0000') || /^.{300,}$/m.test(text)) continue
        if (source.skip?.(path, text)) continue
        out.push({ path, ext, text })
        taken++
        if (pkg) perPackage.set(pkg, (perPackage.get(pkg) ?? 0) + 1)
        if (pkg && (perPackage.get(pkg) ?? 0) >= PER_PACKAGE) return
      } catch {
        continue
      }
    }
  }
  walk(root, 0)
  return out
}

function firstLineMatches(path: string, pattern: RegExp): boolean {
  try {
    const head = Buffer.alloc(120)
    const fd = openSync(path, 'r')
    readSync(fd, head, 0, 120, 0)
    closeSync(fd)
    return pattern.test(head.toString('latin1').split('\n')[0] ?? '')
  } catch {
    return false
  }
}

/** The package a dev-dependency path is in (`@scope/name` or `name`), or undefined. */
function packageOf(path: string): string | undefined {
  return /node_modules\/(@[^/]+\/[^/]+|[^/@][^/]*)/.exec(path)?.[1]
}

/** Whether a folder belongs to the part asked for (dev dependencies are split by package). */
function inPart(source: SampleSource, path: string, part: SamplePart): boolean {
  if (!source.split) return true
  const name = packageOf(path)
  return name === undefined || partOfPackage(name) === part
}

function interleave<T>(lists: T[][]): T[] {
  const out: T[] = []
  const longest = Math.max(0, ...lists.map((l) => l.length))
  for (let i = 0; i < longest; i++)
    for (const list of lists) if (i < list.length) out.push(list[i] as T)
  return out
}

/** Perl's POD blocks are documentation, not code. */
const stripPod = (text: string): string =>
  text.replace(/^=[a-z]\w*[\s\S]*?(?:^=cut\b.*$|(?![\s\S]))/gm, '')

export interface SampleOptions {
  /** Which part of the sources (default: held-out, what figures are reported on). */
  part?: SamplePart
  perFile?: number
  minLines?: number
  maxLines?: number
  /** Only these languages (default: every language with sources). */
  langs?: readonly string[]
}

/** Snippets per language, and each language's sources (and why one has none on this machine). */
export interface SampleSet {
  samples: LanguageSample[]
  /** Language → the packages its snippets came from. */
  from: Map<string, string[]>
  /** Language → why it has no snippets here. */
  missing: Map<string, string>
}

/**
 * Up to `perLanguage` distinct snippets of `minLines`..`maxLines` lines for each language, at most
 * `perFile` from a file, mostly code (comment blocks and license headers left out).
 */
export function languageSamples(perLanguage = 50, options: SampleOptions = {}): SampleSet {
  const { part = 'held-out', perFile = 3, minLines = 10, maxLines = 40 } = options
  const samples: LanguageSample[] = []
  const from = new Map<string, string[]>()
  const missing = new Map<string, string>()
  const langs = options.langs ?? [...new Set(SAMPLE_SOURCES.map((s) => s.lang))]
  for (const lang of langs) {
    const sources = SAMPLE_SOURCES.filter((s) => s.lang === lang && s.part === part)
    // Files of each root taken in turn, so that no one folder or package dominates.
    const lists = sources.flatMap((source) =>
      source.roots.map((root) =>
        filesIn(source, root, part, perLanguage * (source.split ? 4 : 2)).map((f) => ({
          ...f,
          from: fromOf(source, f.path),
        })),
      ),
    )
    const files = interleave(lists)
    const picked: LanguageSample[] = []
    for (const f of files) {
      const text = lang === 'pl' ? stripPod(f.text) : f.text
      const source = sources.find((s) => s.whole)
      const lines = text.split('\n').filter((l) => l.trim() !== '').length
      const slices = source
        ? lines >= minLines && lines <= maxLines
          ? [text.trim()]
          : []
        : sliceSnippets(text, minLines, maxLines)
      const mask = commentMask(lang, text)
      const kept = slices
        .filter((s) => mostlyCode(lang, s, mask, startLine(text, s)))
        .filter((s) => lang !== 'md' || MARKDOWN.test(s))
      for (const s of kept.slice(0, perFile))
        picked.push({ lang, path: f.path, text: s, from: f.from })
    }
    const distinct = new Set(distinctSnippets(picked.map((p) => p.text)))
    const mine = picked.filter((p) => distinct.has(p.text)).slice(0, perLanguage)
    samples.push(...mine)
    from.set(lang, [...new Set(mine.map((m) => m.from))])
    if (mine.length === 0) {
      const wanted = sources.map((s) => s.from).join(', ') || 'no source named'
      missing.set(
        lang,
        `no ${part} files of ${wanted} on this machine (bash .ci/samples installs them)`,
      )
    }
  }
  return { samples, from, missing }
}

/** The label of a file's package: the source's own, or the dev dependency's name. */
function fromOf(source: SampleSource, path: string): string {
  return source.split ? `dev:${packageOf(path) ?? 'node_modules'}` : source.from
}

/**
 * Whether a TypeScript snippet uses syntax JavaScript does not have (annotations, interfaces,
 * `as`, enums…), asked of the TypeScript compiler itself: parsed as a `.js` file, such syntax is
 * reported with an 8xxx diagnostic ("… can only be used in TypeScript files").
 */
export function hasTypeScriptOnlySyntax(text: string): boolean {
  const { diagnostics = [] } = ts.transpileModule(text, {
    fileName: 'snippet.js',
    reportDiagnostics: true,
    compilerOptions: { allowJs: true },
  })
  return diagnostics.some((d) => d.code >= 8000 && d.code < 9000)
}

/** Scoring: a `.ts` snippet without TypeScript-only syntax is valid JavaScript, so `js` is right. */
export function isRightLanguage(sample: LanguageSample, answer: string): boolean {
  if (answer === sample.lang) return true
  return sample.lang === 'ts' && answer === 'js' && !hasTypeScriptOnlySyntax(sample.text)
}
