import { reservedWords } from './keywords'

export { seededRandom } from '../../../../shared/test-support/seeded-random'

/** The snippet pasted elsewhere: indentation doubled, tabs for spaces, everything shifted. */
export function reindent(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const lead = /^[ \t]*/.exec(line)?.[0] ?? ''
      const width = lead.replace(/\t/g, '    ').length
      return line.trim() === '' ? '' : '\t' + ' '.repeat(width * 2) + line.slice(lead.length) + '  '
    })
    .join('\r\n')
}

const HASH_COMMENTS = new Set(['py', 'sh', 'rb', 'pl', 'yaml', 'php'])
const BINDERS = new Set(
  'let var val const my our local def fn func fun function sub class struct enum interface trait type module object record typedef for foreach as mut read'.split(
    ' ',
  ),
)
const DEFINES = /\b(?:def|fn|func|fun|function|sub|init)\b/
/** How each language interpolates names in strings (others do not). */
const INTERPOLATES: Record<string, RegExp> = {
  sh: /(\$\{?)([A-Za-z_]\w*)/g,
  pl: /([$@]\{?)([A-Za-z_]\w*)/g,
  php: /(\$)([A-Za-z_]\w*)/g,
  kt: /(\$\{?)([A-Za-z_]\w*)/g,
  rb: /(#\{)([A-Za-z_]\w*)/g,
  swift: /(\\\()([A-Za-z_]\w*)/g,
  js: /(\$\{)([A-Za-z_]\w*)/g,
  ts: /(\$\{)([A-Za-z_]\w*)/g,
}
const MULTILINE = new Set(['sql', 'php', 'pl', 'rb', 'sh'])
const TEXT_BLOCKS = new Set(['kt', 'swift', 'java'])
const SIGNATURE = /^\s*(?:[\w<>[\]*&:,?@.]+\s+)*\**[A-Za-z_]\w*\s*\(/

type Piece = { kind: 'skip' | 'string' | 'name' | 'other'; text: string; at: number }

function pieces(text: string, lang: string): Piece[] {
  const comment = HASH_COMMENTS.has(lang)
    ? String.raw`#(?![{!\[])[^\n]*|\/\/[^\n]*|\/\*[\s\S]*?\*\/`
    : lang === 'sql'
      ? String.raw`--[^\n]*|\/\*[\s\S]*?\*\/`
      : String.raw`\/\/[^\n]*|\/\*[\s\S]*?\*\/`
  // Python's triple-quoted strings (docstrings) are text, not code; a number's suffix or hex
  // digits (`0xff_ff`, `1u8`, `2U`) are part of the number, never a name.
  const triple = lang === 'py' ? String.raw`"""[\s\S]*?"""|'''[\s\S]*?'''|` : ''
  // Rust's lifetimes (`impl<'a> Imp<'a>`) are no strings: a quoted character is one. Shell, SQL,
  // PHP, Perl and Ruby strings run over lines (a `compgen -W '…'` word list is text, not names);
  // a shell single-quoted string has no escapes.
  const single =
    lang === 'rs'
      ? String.raw`'(?:[^'\\\n]|\\.[^']*)'`
      : lang === 'sh'
        ? `'[^']*'`
        : MULTILINE.has(lang)
          ? String.raw`'(?:[^'\\]|\\.)*'`
          : String.raw`'(?:[^'\\\n]|\\.)*'`
  const double = MULTILINE.has(lang)
    ? String.raw`"(?:[^"\\]|\\.)*"`
    : String.raw`"(?:[^"\\\n]|\\.)*"`
  // Kotlin's, Swift's and Java's triple-quoted strings are strings; a C `#include <…>` names a
  // file and the word after a `#` that starts a line is a directive (`#ifdef`), neither of them a
  // name. Elsewhere a `#` is a macro's stringizing (`#name`) or token pasting (`a##name##b`): the
  // word after it is the macro's parameter, renamed with it.
  const textBlock = TEXT_BLOCKS.has(lang) ? String.raw`"""[\s\S]*?"""|` : ''
  const cLike = lang === 'c' || lang === 'cpp'
  const include = cLike ? String.raw`#\s*include\s*<[^>\n]*>|` : ''
  const directive = cLike ? String.raw`(?<=(?:^|\n)[ \t]*)#\s*[a-z]+\b|` : ''
  const re = new RegExp(
    String.raw`(${comment})|(${triple}${textBlock}${include}${double}|${single}|` +
      '`(?:[^`\\\\]|\\\\.)*`' +
      String.raw`)|(\d[\w.]*)|${directive}([A-Za-z_]\w*)|(\S)`,
    'g',
  )
  const out: Piece[] = []
  // A snippet cut inside a block comment (` * …` lines up to `*/`) starts with comment text: a
  // rename never touches it (the engine reads it as a comment too, see `tokenize.ts`); a `*b`
  // there is a dereference.
  const close = /^\s*\*(?![/\w$(])/.test(text) ? text.indexOf('*/') : -1
  const start = close >= 0 && !text.slice(0, close).includes('/*') ? close + 2 : 0
  if (start > 0) out.push({ kind: 'skip', text: text.slice(0, start), at: 0 })
  for (const m of text.slice(start).matchAll(re)) {
    const kind =
      m[1] !== undefined ? 'skip' : m[2] !== undefined ? 'string' : m[4] ? 'name' : 'other'
    out.push({ kind, text: m[0], at: m.index + start })
  }
  return out
}

/** Names the snippet binds: declared, assigned, looped over, or parameters of a definition. */
function boundNames(
  list: Piece[],
  text: string,
  isReserved: (word: string) => boolean,
): Set<string> {
  const bound = new Set<string>()
  const code = list.filter((p) => p.kind !== 'skip')
  const lines = text.split('\n')
  const lineAt = (at: number): string => lines[text.slice(0, at).split('\n').length - 1] ?? ''
  let depth = 0
  let params = false
  code.forEach((p, i) => {
    const next = code[i + 1]?.text
    const after = code[i + 2]?.text
    if (p.text === '(') {
      // A definition's parameters, not a call of a reserved word (`defined(__linux__)`).
      const callee = code[i - 1]
      const definition = callee?.kind !== 'name' || !isReserved(callee.text)
      const line = lineAt(p.at)
      if (depth === 0 && definition && (SIGNATURE.test(line) || DEFINES.test(line))) params = true
      depth++
    } else if (p.text === ')') {
      depth = Math.max(0, depth - 1)
      if (depth === 0) params = false
    }
    if (p.kind !== 'name' || isReserved(p.text)) return
    const prev = code[i - 1]?.text
    if (prev === '.' || (prev === '>' && code[i - 2]?.text === '-')) return
    const assigned =
      (next === '=' && after !== '=' && after !== '>' && after !== '~') ||
      (next === ':' && after === '=') ||
      (next !== undefined && /^[-+*/|&]$/.test(next) && after === '=')
    const declared = prev !== undefined && BINDERS.has(prev)
    const param =
      params && depth === 1 && (next === ',' || next === ')' || next === ':' || next === '=')
    if (assigned || declared || param) bound.add(p.text)
  })
  return bound
}

/** Where `<script>` code runs in an HTML page: its other words are the language's own. */
const SCRIPT = /<script\b[^>]*>([\s\S]*?)(?:<\/script>|$)/gi

/**
 * Whether a word read as a name is one in `lang`: in CSS a class, an id or a custom property
 * (never a property, a value or a colour), in HTML a word of a script, in shell a word that is
 * not part of an option (`--download-only`) or a path (`/dev/null`).
 */
function isName(text: string, p: Piece, lang: string): boolean {
  if (lang !== 'css' && lang !== 'html' && lang !== 'sh') return true
  if (lang === 'html') {
    for (const m of text.matchAll(SCRIPT)) {
      const start = m.index + m[0].indexOf('>') + 1
      if (p.at >= start && p.at < start + (m[1] ?? '').length) return true
    }
    return false
  }
  // The word with what is glued to it: `--download-only`, `/dev/null`, `.hljs-keyword`.
  const glue = lang === 'sh' ? /[\w./-]/ : /[\w-]/
  let from = p.at
  while (from > 0 && glue.test(text[from - 1] ?? '')) from--
  let to = p.at + p.text.length
  while (to < text.length && glue.test(text[to] ?? '')) to++
  const run = text.slice(from, to)
  const before = text[from - 1] ?? ''
  if (lang === 'sh')
    return before === '$' || before === '{' || !(run.startsWith('-') || run.includes('/'))
  if (run.startsWith('--')) return true
  return before === '.' || (before === '#' && !/^[\da-fA-F]{3,8}$/.test(run))
}

/**
 * Identifiers renamed consistently, as a refactor would: in code and inside string
 * interpolations (`"$name"`, `"${name}"`, `"#{name}"`, `"\(name)"`), never in comments or other
 * string text, never a reserved word of `lang`. `bound`: only the names the snippet binds
 * (parameters, locals, its own function's name), and never a member (`this.count = n`); `any`:
 * every name, library names and members included.
 */
export function renameIdentifiers(
  text: string,
  lang = 'js',
  scope: 'any' | 'bound' = 'any',
): string {
  const reserved = reservedWords(lang)
  const list = pieces(text, lang)
  const isReserved = (w: string): boolean =>
    reserved.has(lang === 'sql' ? w.toUpperCase() : w) ||
    w === '_' ||
    w.length < 2 ||
    /^__\w+__$/.test(w)
  const bound = scope === 'bound' ? boundNames(list, text, isReserved) : undefined
  const names = new Map<string, string>()
  const rename = (word: string): string => {
    if (isReserved(word) || (bound && !bound.has(word))) return word
    let renamed = names.get(word)
    if (!renamed) {
      renamed = `${word[0] === word[0]?.toUpperCase() ? 'R' : 'r'}enamed${names.size}`
      names.set(word, renamed)
    }
    return renamed
  }
  const interpolated = INTERPOLATES[lang]
  let out = ''
  let last = 0
  list.forEach((p, i) => {
    out += text.slice(last, p.at)
    last = p.at + p.text.length
    const prev = list[i - 1]?.text
    const member = prev === '.' || (prev === '>' && list[i - 2]?.text === '-')
    if (p.kind === 'name' && !(bound && member) && isName(text, p, lang)) out += rename(p.text)
    else if (p.kind === 'string' && interpolated && !p.text.startsWith("'"))
      out +=
        (lang === 'js' || lang === 'ts') && !p.text.startsWith('`')
          ? p.text
          : p.text.replace(interpolated, (_all, open: string, word: string) => open + rename(word))
    else out += p.text
  })
  return out + text.slice(last)
}

/** Some words of the comments changed (every third), the code left as it is. */
export function editComments(text: string, lang = 'js'): string {
  let n = 0
  let out = ''
  let last = 0
  for (const p of pieces(text, lang)) {
    out += text.slice(last, p.at)
    last = p.at + p.text.length
    out +=
      p.kind === 'skip'
        ? p.text.replace(/[A-Za-z]{3,}/g, (w) => (++n % 3 === 0 ? 'changed' : w))
        : p.text
  }
  return out + text.slice(last)
}

/** A contiguous part: half of the non-blank lines or more, and at least `minLines`. */
export function contiguousPart(text: string, random: () => number, minLines = 5): string {
  const lines = text.split('\n')
  // Counted in non-blank lines: a part of five lines with a blank one in it holds four.
  const filled = lines.flatMap((l, i) => (l.trim() === '' ? [] : [i]))
  const take = Math.max(minLines, Math.ceil(filled.length / 2))
  const start = Math.floor(random() * Math.max(1, filled.length - take + 1))
  const first = filled[start] ?? 0
  const last = filled[Math.min(filled.length, start + take) - 1] ?? lines.length - 1
  return lines.slice(first, last + 1).join('\n')
}

/** A few lines edited: a literal changed, a call appended, and one new statement inserted. */
export function editLines(text: string, random: () => number): string {
  const lines = text.split('\n')
  const candidates = lines.map((l, i) => (l.trim().length > 8 ? i : -1)).filter((i) => i >= 0)
  const edits = Math.min(2, candidates.length)
  for (let k = 0; k < edits; k++) {
    const at = candidates[Math.floor(random() * candidates.length)] ?? 0
    const line = lines[at] ?? ''
    lines[at] = /\d/.test(line)
      ? line.replace(/\d+/, (n) => String(Number(n) + 7))
      : line.replace(/(\w+)(\W*)$/, '$1 && ready$2')
  }
  const insertAt = Math.floor(random() * lines.length)
  const indent = /^\s*/.exec(lines[insertAt] ?? '')?.[0] ?? ''
  lines.splice(insertAt, 0, `${indent}trace(counter, 'edited')`)
  return lines.join('\n')
}
