import { hashString } from './hash'

/**
 * Words that a rename never touches: keeping them in the token shape makes `if (a) return b` and
 * `for (a of b) yield b` different shapes while `if (x) return y` stays equal to the first.
 */
const KEYWORDS = new Set(
  (
    'if else for while do switch case default break continue return yield await async function ' +
    'def class struct enum interface const let var new delete this self super import from ' +
    'export as try catch finally throw throws raise except with lambda in of is not and or null ' +
    'None True False true false undefined void static public private protected final abstract ' +
    'extends implements package fn func defer impl elif nonlocal typeof instanceof sizeof ' +
    'unsigned signed int long char float double bool boolean volatile extern inline goto ' +
    'fi esac ifdef ifndef endif pragma'
  ).split(' '),
)

// comments | strings | numbers | identifiers | any other visible character
const TOKEN =
  /(\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$(?![\s\S]))|#(?=[\s#]|$)[^\n]*|--\s[^\n]*)|("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)|(\d[\w.]*)|([A-Za-z_$][\w$]*)|(\S)/gm

const WORD = /[A-Za-z_$][\w$]*|\d+/g

const STRING = hashString('\u0000S')
const NUMBER = hashString('\u0000N')
/** Shape id of an identifier: the real name only matters within a shingle (see `sketch.ts`). */
export const IDENT = hashString('\u0000I')

/** A copy that starts inside a block comment (` * …` lines, up to `*\/` or the end) is read as one. */
function openComment(text: string): string {
  if (!/^\s*\*(?!\/)/.test(text)) return text
  const close = text.indexOf('*/')
  const open = text.indexOf('/*')
  if (open >= 0 && (close < 0 || open < close)) return text
  return `/*${text}`
}

export interface Tokens {
  /** Token ids with strings and numbers folded and identifiers (except keywords) as `IDENT`. */
  shape: number[]
  /** Token ids of the literal tokens (identifiers lower-cased, comment words included). */
  raw: number[]
  /** Distinct identifier hashes. */
  idents: Set<number>
  /** Distinct string and number literal hashes (a rename keeps them, a template varies them). */
  literals: Set<number>
  /** Number of punctuation tokens (code has many, prose has few). */
  punctuation: number
  /** Tokens outside comments. */
  codeTokens: number
}

/** Splits code into tokens, dropping whitespace; comment words are kept as words. */
export function tokenize(text: string): Tokens {
  const shape: number[] = []
  const raw: number[] = []
  const idents = new Set<number>()
  const literals = new Set<number>()
  let punctuation = 0
  let commentWords = 0
  for (const m of openComment(text).matchAll(TOKEN)) {
    if (m[1] !== undefined) {
      // Comment words enter both streams literally: a rename never touches them, and a copied
      // doc comment must still be found inside the snippet it came from.
      for (const w of m[1].matchAll(WORD)) {
        const h = hashString(w[0].toLowerCase())
        shape.push(h)
        raw.push(h)
        commentWords++
      }
      continue
    }
    if (m[2] !== undefined || m[3] !== undefined) {
      const h = hashString(m[0])
      shape.push(m[2] !== undefined ? STRING : NUMBER)
      raw.push(h)
      literals.add(h)
    } else if (m[4] !== undefined) {
      const word = m[4]
      const h = hashString(word.toLowerCase())
      if (KEYWORDS.has(word)) shape.push(h)
      else {
        shape.push(IDENT)
        idents.add(hashString(word))
      }
      raw.push(h)
    } else {
      const h = hashString(m[0])
      shape.push(h)
      raw.push(h)
      punctuation++
    }
  }
  return { shape, raw, idents, literals, punctuation, codeTokens: shape.length - commentWords }
}
