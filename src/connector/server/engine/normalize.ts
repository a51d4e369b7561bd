/**
 * Normalises a snippet for comparison: unified line endings, no trailing spaces, no common
 * indentation, no leading/trailing blank lines, runs of blank lines folded to one.
 */
export function normalizeSnippet(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
  while (lines.length > 0 && lines[0] === '') lines.shift()
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  const folded: string[] = []
  for (const line of lines) {
    if (line === '' && folded[folded.length - 1] === '') continue
    folded.push(line)
  }
  let indent = Infinity
  for (const line of folded) {
    if (line === '') continue
    const width = /^[ \t]*/.exec(line)?.[0].length ?? 0
    if (width < indent) indent = width
  }
  if (!Number.isFinite(indent) || indent === 0) return folded.join('\n')
  return folded.map((line) => line.slice(indent)).join('\n')
}
