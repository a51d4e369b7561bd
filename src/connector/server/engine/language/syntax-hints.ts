/** Cheap syntax evidence per language: each pattern that occurs adds its weight. */
const HINTS: Record<string, [RegExp, number][]> = {
  py: [
    [/^\s*def \w+\(.*\)(?:\s*->\s*[^:]+)?:\s*$/m, 3],
    [/^\s*class \w+(?:\(.*\))?:\s*$/m, 3],
    [/^\s*(?:elif .*|else|try|except(?: .*)?|finally):\s*$/m, 3],
    [/^\s*(?:from [\w.]+ import \w|import [\w.]+\s*$)/m, 2],
    [/\bself\.\w/, 1.5],
    [/\b(?:None|True|False)\b/, 1],
    [/^\s*(?:if|for|while|with) .*:\s*$/m, 1.5],
  ],
  js: [
    [/\bfunction\b\s*\w*\s*\(/, 1.5],
    [/\b(?:const|let|var)\s+[\w{[]/, 1.5],
    [/=>/, 1],
    [/\brequire\(\s*['"]/, 2],
    [/\bmodule\.exports\b|\bexports\.\w+\s*=/, 2],
    [/===|!==/, 1],
    [/^\s*(?:import .* from ['"]|export (?:default|const|function|class|\{))/m, 2],
    [/\b(?:console\.\w+|document\.|window\.|JSON\.\w+|Promise\b|async\s+function|await\s)/, 1],
  ],
  ts: [
    [/^\s*(?:export\s+)?(?:interface|type)\s+\w+(?:<[^>]*>)?\s*(?:=|\{|extends)/m, 3],
    [/\w\??:\s*(?:string|number|boolean|unknown|any|void|never|Promise<|Record<|readonly)\b/, 3],
    [/\bimport type\b|\bas const\b|\bsatisfies\b|\bprivate readonly\b|\benum \w+ \{/, 3],
    [/\)\s*:\s*[\w<>[\]|. ]+\s*(?:=>|\{)/, 2],
    [/[(,]\s*\w+\??:\s*[A-Z][\w.]*(?:<[^>]*>)?(?:\[\])?\s*[,)=]/, 3],
    [/\btype \w+(?: as \w+)?\s*[,}]|\b(?:public|private|protected|readonly)\s+\w+\s*[:(]/, 2],
  ],
  c: [
    [/^\s*#\s*(?:include|define|ifn?def|endif|pragma|undef)\b/m, 2.5],
    [/\b(?:unsigned|size_t|uint\d+_t|int\d+_t|struct\s+\w+|typedef|extern)\b/, 2],
    [/->\w/, 1],
    [/\b(?:malloc|free|printf|sizeof|memcpy|NULL)\b/, 1.5],
    [/^\s*(?:static\s+)?(?:const\s+)?(?:void|int|char|long|double|float|bool)\s+\**\w+\s*\(/m, 2],
  ],
  cpp: [
    [/\bstd::|\btemplate\s*<|\bnamespace\s+\w+|#include <(?:iostream|vector|string|memory)>/, 4],
    [/^\s*(?:public|private|protected):\s*$/m, 2],
  ],
  go: [
    [/^package \w+\s*$/m, 3],
    [/^func (?:\(\w+ \*?\w+\) )?\w+\(/m, 3],
    [/:=/, 1.5],
    [/\bfmt\.\w+|\berr != nil\b/, 2],
  ],
  rs: [
    [/\bfn \w+(?:<[^>]*>)?\(/, 2],
    [/\blet mut\b|\bimpl(?:<[^>]*>)? \w+|\bpub fn\b|\b(?:Vec|Option|Result)</, 3],
    [/\w::\w/, 1],
  ],
  java: [
    [
      /\b(?:public|private|protected)\s+(?:static\s+)?(?:final\s+)?(?:class|void|int|String|boolean)\b/,
      3,
    ],
    [/\bSystem\.out\.|@Override|\bimport java\./, 3],
  ],
  php: [[/<\?php|\$this->|\$\w+\s*=/, 3]],
  rb: [
    [/^\s*def \w+[?!]?(?:\(.*\))?\s*$/m, 2],
    [/^\s*end\s*$/m, 1.5],
    [/\bputs\b|\brequire ['"]|\battr_\w+|\bdo \|\w+\|/, 2],
  ],
  sh: [
    [/^#!.*\b(?:ba|z|da)?sh\b/, 5],
    [/^\s*(?:fi|done|esac)\s*$/m, 3],
    [/;\s*then\b|^\s*then\s*$|\bif \[\[? /m, 3],
    [/\$\{?\w+\}?|\$\(/, 1],
    [/^\s*(?:echo|export|local|set -\w|cd|mkdir|rm|sudo|apt-get|npm|git)\s/m, 1.5],
  ],
  sql: [
    [
      /\b(?:SELECT\s+[\w*]|INSERT\s+INTO|CREATE\s+(?:TABLE|INDEX|VIEW|FUNCTION|OR REPLACE)|UPDATE\s+\w+\s+SET|DELETE\s+FROM|ALTER\s+TABLE|DROP\s+TABLE)\b/i,
      3,
    ],
    [/\b(?:FROM|WHERE|JOIN|GROUP BY|ORDER BY|VALUES|PRIMARY KEY|NOT NULL|VARCHAR|INTEGER)\b/, 2],
  ],
  css: [
    [/^\s*[.#]?[\w-][\w\s.#:>,[\]="-]*\{\s*$/m, 1.5],
    [/^\s*-?[a-z-]+\s*:\s*[^;{}]+;\s*$/m, 2],
    [/@media|@import|@font-face|@keyframes|!important/, 2],
  ],
  html: [
    [/<!DOCTYPE html|<html\b|<\/(?:div|span|p|body|head|ul|li|a|table|form)>/i, 3],
    [/<\w+(?:\s+[\w-]+="[^"]*")+\s*\/?>/, 1.5],
  ],
  json: [],
  yaml: [
    [/^[\w-]+:(?:\s+\S.*)?$/m, 1],
    [/^\s+- [\w"']/m, 1],
  ],
  md: [
    [/^#{1,6} \S/m, 2],
    [/^```/m, 2],
    [/\[[^\]]+\]\([^)]+\)/, 1.5],
  ],
}

/** Syntax-evidence scores per language id (spec extension values). */
export function hintScores(text: string): Map<string, number> {
  const scores = new Map<string, number>()
  for (const [lang, hints] of Object.entries(HINTS)) {
    let score = 0
    for (const [re, weight] of hints) if (re.test(text)) score += weight
    if (score > 0) scores.set(lang, score)
  }
  const trimmed = text.trim()
  if (/^[[{]/.test(trimmed)) {
    try {
      JSON.parse(trimmed)
      scores.set('json', 10)
    } catch {
      // not JSON
    }
  }
  // Code languages and YAML both have `key: value`; braces and semicolons rule YAML out.
  if (/[{};]\s*$/m.test(text)) scores.delete('yaml')
  return scores
}

/** The best-scoring language by syntax alone, with its score. */
export function bestHint(scores: Map<string, number>): [string, number] | undefined {
  let best: [string, number] | undefined
  for (const entry of scores) if (!best || entry[1] > best[1]) best = entry
  return best
}
