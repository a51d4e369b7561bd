/** A span of text a Clipwise rule found (offsets of the secret itself). */
export interface Span {
  start: number
  end: number
}

const BEGIN = '-----BEGIN'
const HEADER_TAIL = 'PRIVATE KEY'
const HEADER_CHARS = /^[ A-Z0-9_-]*$/

/**
 * Every PEM, OpenSSH, PGP or PKCS#8 private key block (also JSON-escaped, as in a GCP service
 * account file), from its header to the end of its END line; a block without an END line runs to
 * the end of the text (a truncated key is still a key). Linear: each search starts where the last
 * one stopped, and the next `PRIVATE KEY` and `-----END` positions are found once and reused.
 */
export function findPrivateKeys(text: string, limit = Infinity): Span[] {
  const found: Span[] = []
  let tail = -1
  let end = -1
  for (let at = text.indexOf(BEGIN); at >= 0; at = text.indexOf(BEGIN, at + BEGIN.length)) {
    if (tail < at) tail = text.indexOf(HEADER_TAIL, at)
    if (tail < 0) break
    const between = text.slice(at + BEGIN.length, tail)
    if (between.length > 100 || !HEADER_CHARS.test(between)) continue
    const bodyStart = tail + HEADER_TAIL.length
    if (end < bodyStart) end = text.indexOf('-----END', bodyStart)
    let stop = text.length
    if (end >= 0) {
      const close = text.indexOf('-----', end + 8)
      stop = close >= 0 && close - end < 120 ? close + 5 : end + 8
    }
    found.push({ start: at, end: stop })
    if (found.length >= limit) break
    at = stop - BEGIN.length
    if (stop >= text.length) break
  }
  return found
}
