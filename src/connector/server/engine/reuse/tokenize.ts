import { hashString } from './hash'

/**
 * Words that a rename never touches: keeping them in the token shape makes `if (a) return b` and
 * `for (a of b) yield b` different shapes while `if (x) return y` stays equal to the first. A word
 * of this list used as a name in the snippet (`in.read()`, `in = …`) is read as a name there.
 */
const KEYWORDS = new Set(
  (
    'if else for while do switch case default break continue return yield await async function ' +
    'def class struct enum interface const let var new delete this self super import from ' +
    'export as try catch finally throw throws raise except with lambda in of is not and or null ' +
    'None True False true false undefined void static public private protected final abstract ' +
    'extends implements package fn func defer impl elif nonlocal typeof instanceof sizeof ' +
    'unsigned signed int long char float double bool boolean volatile extern inline goto ' +
    'fi esac ifdef ifndef endif pragma then done elsif unless until begin rescue ensure end ' +
    'module fun val guard nil override internal namespace using foreach readonly sealed mut ' +
    'pub trait loop typedef template typename virtual operator auto my sub elseif endforeach ' +
    'SELECT FROM WHERE AND OR NOT NULL INSERT INTO VALUES UPDATE SET DELETE CREATE TABLE ' +
    'INDEX VIEW FUNCTION RETURNS LANGUAGE AS BEGIN END IF EXISTS DROP ALTER ADD COLUMN ' +
    'PRIMARY KEY REFERENCES ON JOIN LEFT INNER OUTER GROUP BY ORDER HAVING LIMIT UNION ALL ' +
    'DISTINCT CASE WHEN THEN ELSE IS IN LIKE DEFAULT CONSTRAINT UNIQUE CHECK GRANT TO REPLACE'
  ).split(' '),
)
/**
 * Sketch token ids (top 16 bits) of the keywords: a word that is a keyword in one language may be
 * a name in another (`inline`, `int`, `self`), and renamed there (see `rename.ts`).
 */
export const KEYWORD_TOKENS: ReadonlySet<number> = new Set(
  [...KEYWORDS].map((k) => hashString(k) >>> 16),
)
/** Keywords that stand for values or jumps: never names, whatever follows them. */
const NEVER_NAMES = new Set(
  'this self super null None True False true false undefined nil return break continue'.split(' '),
)
/** The values among them: one that is assigned is a name (an enum's case), no value. */
const VALUES = new Set('null None True False true false undefined nil'.split(' '))

// A block comment left open runs to the end (a copy cut inside one) only where a comment can
// start: at a line's start or after a space; `${cur%/*}` or `dir/*` are shell and YAML globs.
// A `#` right after a name is no comment: C's token pasting (`OSSL_FUNC_##name##_fn`) and the
// shell's `${path##*/}` read the rest of their line as one, so a renamed copy lost it. Elsewhere
// a `#` before a space, a `#`, `:`, `=`, `+` or `-` starts one: Ruby's RDoc directives and results
// (`#:nodoc:`, `#--`, `#=> 3`) need no space, and no language's code writes them after a space
// (`#include`, `#[derive]`, `#id`, `${#list[@]}` stay code; `bench/comment-edit-tune.ts`, Ruby
// comment edited 239 -> 240 of 242, edited 255 -> 257 of 269).
const comment = (hash: string): string =>
  String.raw`\/\/[^\n]*|\/\*[\s\S]*?\*\/|(?<!\S)\/\*[\s\S]*$(?![\s\S])|(?<![\w$])${hash}(?=[\s#:=+-]|$)[^\n]*|--\s[^\n]*`
const C_DIRECTIVE = 'include|define|undef|if|ifdef|ifndef|elif|else|endif|pragma|error|warning'
/**
 * A C preprocessor's snippet: a directive right after its `#` (`#endif`, `#include`, `#elif`), or
 * one that only C writes (`#  endif`, `# include "x.h"`). There a `#` and spaces before a
 * directive (`#  define ZLIB_PREFIX(x) zng_##x`, indented inside an `#if`) is code, not a
 * comment: read as comment words, its names renamed made a renamed copy's comments differ.
 */
const PREPROCESSED = new RegExp(
  String.raw`^[ \t]*#(?:(?:${C_DIRECTIVE})\b|\s*(?:endif\b|include\s*[<"]))`,
  'm',
)
/** Whether a snippet is C preprocessor text (see `PREPROCESSED`): its `#  define` lines are code. */
export const isPreprocessed = (text: string): boolean => PREPROCESSED.test(text)
/** A `#` that starts no comment in preprocessor text: spaces, then a directive (`#  define`). */
export const DIRECTIVE_HASH = String.raw`#(?![ \t]+(?:${C_DIRECTIVE})\b)`
const COMMENT = comment('#')
const C_COMMENT = comment(DIRECTIVE_HASH)
/** A string inside an interpolation, and what a Swift interpolation `\(…)` holds. */
const INNER = String.raw`"(?:[^"\\\n]|\\.)*"`
/**
 * Up to the interpolation's closing parenthesis, over the strings and up to three levels of
 * parentheses in it: the string ended at the first inner quote, and a rename of the name after
 * `\(` (`"\(String(format: "%04d", code))"`, `"\(path.replacing(of: ".js", with: ""))"`)
 * changed that "literal" instead of a name (Capacitor's Swift).
 */
const INTERPOLATED = [1, 2, 3].reduce(
  (inner) => String.raw`(?:[^()"\n]|${INNER}|\(${inner}\))*`,
  String.raw`(?:[^()"\n]|${INNER})*`,
)
const DOUBLE_QUOTED = String.raw`[fF$@]?"(?:[^"\\\n]|\\\((?!")${INTERPOLATED}\)|\\.)*"`
const BACKQUOTED = '`(?:[^`\\\\]|\\\\.)*`'
const REST = String.raw`(\d[\w.]*)|([A-Za-z_$][\w$]*)|(\S)`
/** comments | strings | numbers | identifiers | any other visible character */
const tokenPattern = (singleQuoted: string, comments = COMMENT): RegExp =>
  new RegExp(`(${comments})|(${DOUBLE_QUOTED}|${singleQuoted}|${BACKQUOTED})|${REST}`, 'gm')
const SINGLE_QUOTED = String.raw`'(?:[^'\\\n]|\\.)*'`
const TOKEN = tokenPattern(SINGLE_QUOTED)
const C_TOKEN = tokenPattern(SINGLE_QUOTED, C_COMMENT)
/**
 * Where Rust lifetimes are (`impl<'a>`, `&'a str`, `'static`), a single quote starts a character
 * (one character or one escape), never a string: read as strings, `'a> Imp<'` swallowed the code
 * between two lifetimes, and a rename there changed the "literal".
 */
const LIFETIME = /[<&]\s*'[A-Za-z_]\w*\b(?!')|'static\b(?!')/
const RUST_TOKEN = tokenPattern(
  String.raw`'(?:[^'\\\n]|\\(?:u\{[\da-fA-F]+\}|x[\da-fA-F]{2}|[^\n]))'`,
)

/**
 * A comment's words, a snake_case name in prose (`thread_pool_max_size`, YARD's `@!macro
 * atomic_fixnum_method_value_get`) split at its underscores: a copy whose comments change one of
 * its parts keeps the others. Read as one word, such a name changed whole: Ruby snippets that are
 * mostly YARD or RDoc comments, a third of their words edited, read 0.70–0.78 against their
 * original (`bench/comment-edit-tune.ts`, Ruby: 236 -> 239 of 242). Letters and digits stay one
 * word (`renamed3`, `utf8`): split, the words a rename writes read alike (tune part of the reuse
 * report, names renamed as JavaScript in every language: top-1 885 -> 877 of 901).
 */
const WORD = /[A-Za-z$][A-Za-z\d$]*|\d+/g
/** A comment's word as a name is written, counted for its weight (see `Tokens.commentWords`). */
const WHOLE_WORD = /[A-Za-z_$][\w$]*|\d+/g
/** Names interpolated in a string: `$name`, `${expr}`, `#{expr}`, `\(expr)`, f-string `{expr}`. */
const INTERPOLATION = new RegExp(
  String.raw`\$\{([^}]*)\}|\$([A-Za-z_]\w*)|#\{([^}]*)\}|\\\((${INTERPOLATED})\)`,
  'g',
)
const BRACED = /\{([^{}]*)\}/g
const NAME = /[A-Za-z_]\w*/g

const STRING = hashString('\u0000S')
const NUMBER = hashString('\u0000N')
/** Shape id of an identifier: the real name only matters within a shingle (see `sketch.ts`). */
export const IDENT = hashString('\u0000I')
/** Member names (after `.` or `->`) are numbered apart from plain names: `this.count = count`. */
const MEMBER = 0x5bd1e995
/** What `MEMBER` flips in a sketch token (the top 16 bits of a name's hash). */
export const MEMBER_BITS = MEMBER >>> 16

/** Token kinds, as the sketch packs them (2 bits a token). */
export const KIND = { other: 0, ident: 1, string: 2, number: 3 } as const

/**
 * A ` * …` line of a block comment; a `*` before a name or a `(` is a dereference (`*b =
 * boolValue(v)`, a part of Go's or C's code cut there), whose code was read as comment words.
 */
const COMMENT_LINE = /^\s*\*(?![/\w$(])/

/**
 * A copy that starts inside a block comment is read as one: ` * …` lines (up to `*\/` or the
 * end), or any text up to a `*\/` that closes no `/*` of its own (a part cut in a C comment's
 * prose, `   there was read error on the file *\/`, whose words were read as code names). A quote
 * or a `//` before that `*\/` means it is in a string or a line comment (a glob `'**\/x'`, `//
 * src/**\/*.rs`), not a comment's end; an apostrophe after a letter or digit is prose (`it's`,
 * and a renamed `renamed3's`).
 */
function openComment(text: string): string {
  const close = text.indexOf('*/')
  const open = text.indexOf('/*')
  if (open >= 0 && (close < 0 || open < close)) return text
  if (COMMENT_LINE.test(text)) return `/*${text}`
  if (close < 0 || /\/\/|["`]|(?<![A-Za-z\d])'|'(?![A-Za-z])/.test(text.slice(0, close)))
    return text
  return `/*${text}`
}

export interface Tokens {
  /** Code token ids with strings and numbers folded and names (except keywords) as `IDENT`. */
  shape: number[]
  /** Code token ids as written (a name by its exact spelling and whether it is a member). */
  raw: number[]
  /** `KIND` of each code token. */
  kinds: number[]
  /** Words of the comments, lower-cased, in order: compared as text, apart from the code. */
  comment: number[]
  /**
   * How many words the comments hold, a snake_case name counted once as in code: what the
   * comments weigh against the code tokens.
   */
  commentWords: number
  /** Distinct identifier hashes. */
  idents: Set<number>
  /** Distinct string and number literal hashes (a rename keeps them, a template varies them). */
  literals: Set<number>
  /** Number of punctuation and literal tokens (code has many, prose has few). */
  punctuation: number
  /** Tokens outside comments. */
  codeTokens: number
}

interface Lexeme {
  kind: number
  text: string
}

/** The string with its interpolated names replaced by a placeholder, and those names. */
function interpolations(literal: string): { text: string; names: string[] } {
  const quote = literal.replace(/^[fF$@]/, '')[0]
  if (quote === "'") return { text: literal, names: [] }
  const names: string[] = []
  const take = (expr: string): string => expr.replace(NAME, (n) => (names.push(n), '\u0001'))
  let text = literal.replace(
    INTERPOLATION,
    (all, a?: string, b?: string, c?: string, d?: string) => {
      const expr = a ?? b ?? c ?? d ?? ''
      return all.replace(expr, take(expr))
    },
  )
  if (/^[fF$]"/.test(literal))
    text = text.replace(BRACED, (all, expr: string) => all.replace(expr, take(expr)))
  return { text, names }
}

function lex(text: string): { code: Lexeme[]; comment: number[]; commentWords: number } {
  const code: Lexeme[] = []
  const comment: number[] = []
  let commentWords = 0
  const pattern = LIFETIME.test(text) ? RUST_TOKEN : isPreprocessed(text) ? C_TOKEN : TOKEN
  for (const m of openComment(text).matchAll(pattern)) {
    if (m[1] !== undefined) {
      for (const w of m[1].matchAll(WORD)) comment.push(hashString(w[0].toLowerCase()))
      commentWords += m[1].match(WHOLE_WORD)?.length ?? 0
    } else if (m[2] !== undefined) {
      const { text: literal, names } = interpolations(m[2])
      code.push({ kind: KIND.string, text: literal })
      for (const name of names) code.push({ kind: KIND.ident, text: name })
    } else if (m[3] !== undefined) code.push({ kind: KIND.number, text: m[0] })
    else if (m[4] !== undefined) code.push({ kind: KIND.ident, text: m[4] })
    else code.push({ kind: KIND.other, text: m[0] })
  }
  return { code, comment, commentWords }
}

/**
 * Keywords that this snippet uses as names: followed by `=`, `.`, `,`, `;`, `)`, `[` or a member;
 * and C's `self`, a pointer (`self->stack`, a parameter `Node *self)`), which no language that
 * has `self` writes: there a rename may change it (tree-sitter's and CPython's C), and read as a
 * keyword it made the renamed copy's shape another.
 */
function keywordsUsedAsNames(code: Lexeme[]): Set<string> {
  const out = new Set<string>()
  code.forEach((t, i) => {
    const next = code[i + 1]?.text
    const after = code[i + 2]?.text
    const prev = code[i - 1]?.text
    if (t.kind === KIND.ident && t.text === 'self') {
      const pointer = prev === '*' && (next === ',' || next === ')')
      if (pointer || (next === '-' && after === '>')) out.add(t.text)
    }
    const assigned = next === '=' && after !== '=' && after !== '>'
    // A value's word given a value is a name there: Swift's `case undefined = "undefined"`.
    if (t.kind === KIND.ident && assigned && VALUES.has(t.text)) out.add(t.text)
    if (t.kind !== KIND.ident || !KEYWORDS.has(t.text) || NEVER_NAMES.has(t.text)) return
    if (
      assigned ||
      prev === '.' ||
      (next !== undefined && '.,;)['.includes(next) && next.length === 1)
    )
      out.add(t.text)
  })
  return out
}

/** Splits code into tokens, dropping whitespace; comment words go to their own stream. */
export function tokenize(text: string): Tokens {
  const { code, comment, commentWords } = lex(text)
  const names = keywordsUsedAsNames(code)
  const shape: number[] = []
  const raw: number[] = []
  const kinds: number[] = []
  const idents = new Set<number>()
  const literals = new Set<number>()
  let punctuation = 0
  code.forEach((t, i) => {
    if (t.kind === KIND.string || t.kind === KIND.number) {
      const h = hashString(t.text)
      shape.push(t.kind === KIND.string ? STRING : NUMBER)
      raw.push(h)
      kinds.push(t.kind)
      literals.add(h)
      punctuation++
    } else if (t.kind === KIND.ident && (!KEYWORDS.has(t.text) || names.has(t.text))) {
      const prev = code[i - 1]?.text
      const member = prev === '.' || (prev === '>' && code[i - 2]?.text === '-')
      const h = hashString(t.text) ^ (member ? MEMBER : 0)
      shape.push(IDENT)
      raw.push(h)
      kinds.push(KIND.ident)
      idents.add(h)
    } else {
      const h = hashString(t.text)
      shape.push(h)
      raw.push(h)
      kinds.push(KIND.other)
      if (t.kind === KIND.other) punctuation++
    }
  })
  return {
    shape,
    raw,
    kinds,
    comment,
    commentWords,
    idents,
    literals,
    punctuation,
    codeTokens: shape.length,
  }
}
