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

// Reserved words of JavaScript/TypeScript, Python, C and shell: a refactor never renames these.
const KEEP = new Set(
  (
    'if else for while do switch case default break continue return yield await async function ' +
    'def class struct enum interface type const let var new delete this self super import from ' +
    'export as try catch finally throw throws raise except with lambda in of is not and or null ' +
    'None True False true false undefined void static public private protected readonly final ' +
    'abstract extends implements package elif pass global nonlocal typeof instanceof sizeof ' +
    'unsigned signed int long char float double bool boolean volatile extern inline goto then ' +
    'fi esac done echo local ifdef ifndef endif define include pragma require module exports ' +
    'console Object Array String Number Promise Error JSON Math print len range str dict list'
  ).split(' '),
)

/** Every identifier outside strings and comments renamed consistently (as a refactor would). */
export function renameIdentifiers(text: string): string {
  const names = new Map<string, string>()
  const token =
    /(\/\/[^\n]*|\/\*[\s\S]*?\*\/|#\s[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)|\b([A-Za-z_][\w]*)\b/g
  return text.replace(token, (all, skipped: string | undefined, word: string | undefined) => {
    if (skipped !== undefined || word === undefined || KEEP.has(word) || word.length < 3) return all
    let renamed = names.get(word)
    if (!renamed)
      names.set(
        word,
        (renamed = `${word[0] === word[0]?.toUpperCase() ? 'R' : 'r'}enamed${names.size}`),
      )
    return renamed
  })
}

/** A contiguous part: half of the non-blank lines or more, and at least `minLines`. */
export function contiguousPart(text: string, random: () => number, minLines = 5): string {
  const lines = text.split('\n')
  const take = Math.max(minLines, Math.ceil(lines.length / 2))
  const start = Math.floor(random() * Math.max(1, lines.length - take + 1))
  return lines.slice(start, start + take).join('\n')
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
