/**
 * Test and bench support (never imported by the engine): function-sized snippets of real files
 * found on this machine, with the language their file is written in, for a fair mix of languages.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs'
import { extname, join } from 'node:path'
import ts from 'typescript'
import { distinctSnippets, sliceSnippets, type SourceFile } from '../test-support/corpus'

/** A snippet of a real file and the language of that file (spec extension value). */
export interface LanguageSample {
  lang: string
  path: string
  text: string
}

interface Source {
  lang: string
  roots: string[]
  exts: string[]
  /** Extensionless scripts in these folders whose shebang matches `shebang`. */
  scripts?: string[]
  shebang?: RegExp
  /** Files to leave out (another language sharing the extension, or not code at all). */
  skip?: (file: SourceFile) => boolean
  /** Files per folder (default 2; more where one folder holds all of a language's files). */
  perDir?: number
  /** Whole small files instead of slices (JSON: a slice of a document is not a document). */
  whole?: boolean
}

const CPP_MARKERS = /\bnamespace\s+\w+|\btemplate\s*<|\bstd::|^\s*class\s+\w+[^;]*$/m
const SCRIPTS = ['/usr/bin', '/usr/sbin', '/etc/init.d', '/usr/lib/git-core']

/** Where each language's files are on this machine (Java, Ruby, Kotlin, Swift: none here). */
export const LANGUAGE_SOURCES: Source[] = [
  { lang: 'js', roots: ['node_modules'], exts: ['js', 'mjs', 'cjs'] },
  { lang: 'ts', roots: ['node_modules'], exts: ['ts', 'mts'] },
  {
    lang: 'py',
    roots: ['/usr/lib/python3.11', '/root/.pyenv/versions'],
    exts: ['py'],
    scripts: SCRIPTS,
    shebang: /^#!.*python/,
  },
  {
    lang: 'c',
    roots: ['/usr/share/doc', '/root/.pyenv/versions', '/usr/include'],
    exts: ['c', 'h'],
    // C++ headers also end in `.h`: a header with a namespace, template or class is not C.
    skip: (f) => f.path.includes('/c++/') || CPP_MARKERS.test(f.text),
  },
  {
    lang: 'cpp',
    roots: ['/usr/include/c++', '/usr/share', '/root/.pyenv/versions', 'node_modules'],
    exts: ['hpp', 'cpp', 'cc', 'tcc', 'h'],
    skip: (f) => f.ext === 'h' && !f.path.includes('/c++/'),
  },
  {
    lang: 'sh',
    roots: ['/usr/share', '/etc', 'node_modules', '/root/.pyenv'],
    exts: ['sh', 'bash'],
    scripts: SCRIPTS,
    shebang: /^#!.*\b(?:ba|da)?sh\b/,
  },
  {
    lang: 'pl',
    roots: ['/usr/share/perl5', '/usr/share/perl', '/usr/lib/x86_64-linux-gnu/perl5'],
    exts: ['pl', 'pm'],
    scripts: SCRIPTS,
    shebang: /^#!.*\bperl\b/,
  },
  { lang: 'php', roots: ['/usr/lib/google-cloud-sdk', 'node_modules'], exts: ['php'] },
  { lang: 'sql', roots: ['/usr/share/postgresql'], exts: ['sql'], perDir: 60 },
  { lang: 'css', roots: ['node_modules', '/usr/share', '/usr/lib'], exts: ['css'] },
  { lang: 'html', roots: ['node_modules', '/usr/share/doc', '/usr/lib'], exts: ['html', 'htm'] },
  {
    lang: 'yaml',
    roots: ['node_modules', '/etc', '/usr/lib/google-cloud-sdk'],
    exts: ['yaml', 'yml'],
  },
  { lang: 'json', roots: ['node_modules', '/usr/share', '/usr/lib'], exts: ['json'], whole: true },
  { lang: 'md', roots: ['node_modules', '/usr/share/doc'], exts: ['md'] },
  { lang: 'go', roots: ['/usr/share/doc', 'node_modules'], exts: ['go'] },
  { lang: 'rs', roots: ['/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu'], exts: ['rs'] },
  // The `.cs` files under /usr/share are groff hyphenation tables and a Czech vim tutor.
  { lang: 'cs', roots: ['node_modules'], exts: ['cs'] },
]

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

/**
 * Files under `root` with one of `exts`, sorted walk, at most `perDir` per folder (so one big
 * folder does not fill the quota), skipping minified, generated and binary files.
 */
function filesIn(root: string, exts: string[], limit: number, perDir = 2): SourceFile[] {
  const out: SourceFile[] = []
  const wanted = new Set(exts)
  const walk = (dir: string, depth: number): void => {
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))
    } catch {
      return
    }
    let taken = 0
    for (const e of entries) {
      if (out.length >= limit) return
      const path = join(dir, e.name)
      if (e.isDirectory()) {
        if (depth < 10 && !SKIP_DIRS.has(e.name)) walk(path, depth + 1)
        continue
      }
      const ext = extname(e.name).slice(1)
      if (taken >= perDir || !e.isFile() || !wanted.has(ext)) continue
      if (/\.d\.[mc]?ts$/.test(e.name) || e.name.includes('.min.')) continue
      try {
        const size = statSync(path).size
        if (size < 200 || size > 200_000) continue
        const text = readFileSync(path, 'utf8')
        if (text.includes('\u0000') || /^.{300,}$/m.test(text)) continue
        out.push({ path, ext, text })
        taken++
      } catch {
        continue
      }
    }
  }
  walk(root, 0)
  return out
}

function scriptsIn(dirs: string[], shebang: RegExp, limit: number): SourceFile[] {
  const out: SourceFile[] = []
  for (const dir of dirs) {
    let names: string[]
    try {
      names = readdirSync(dir).sort()
    } catch {
      continue
    }
    for (const name of names) {
      if (out.length >= limit) return out
      const path = join(dir, name)
      try {
        const st = statSync(path)
        if (!st.isFile() || st.size < 300 || st.size > 200_000) continue
        const head = Buffer.alloc(80)
        const fd = openSync(path, 'r')
        readSync(fd, head, 0, 80, 0)
        closeSync(fd)
        if (!shebang.test(head.toString('latin1').split('\n')[0] ?? '')) continue
        const text = readFileSync(path, 'utf8')
        if (!text.includes('\u0000')) out.push({ path, ext: '', text })
      } catch {
        continue
      }
    }
  }
  return out
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

/**
 * Up to `perLanguage` distinct snippets of `minLines`..`maxLines` lines for each language, at most
 * `perFile` from a file, mostly code (comment blocks and license headers left out).
 */
export function languageSamples(
  perLanguage = 50,
  perFile = 2,
  minLines = 10,
  maxLines = 40,
): LanguageSample[] {
  const out: LanguageSample[] = []
  for (const source of LANGUAGE_SOURCES) {
    // Files of each root (and the scripts) taken in turn, so that no one folder dominates.
    const lists = source.roots.map((root) =>
      filesIn(root, source.exts, perLanguage * 2, source.perDir),
    )
    if (source.scripts && source.shebang)
      lists.push(scriptsIn(source.scripts, source.shebang, perLanguage * 2))
    const files = interleave(lists).filter((f) => !source.skip?.(f))
    const picked: LanguageSample[] = []
    for (const f of files) {
      const text = source.lang === 'pl' ? stripPod(f.text) : f.text
      const lines = text.split('\n').filter((l) => l.trim() !== '').length
      const slices = source.whole
        ? lines >= minLines && lines <= maxLines
          ? [text.trim()]
          : []
        : sliceSnippets(text, minLines, maxLines)
      const mask = commentMask(source.lang, text)
      const kept = slices
        .filter((s) => mostlyCode(source.lang, s, mask, startLine(text, s)))
        .filter((s) => source.lang !== 'md' || MARKDOWN.test(s))
      for (const s of kept.slice(0, perFile))
        picked.push({ lang: source.lang, path: f.path, text: s })
    }
    const distinct = new Set(distinctSnippets(picked.map((p) => p.text)))
    out.push(...picked.filter((p) => distinct.has(p.text)).slice(0, perLanguage))
  }
  return out
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
