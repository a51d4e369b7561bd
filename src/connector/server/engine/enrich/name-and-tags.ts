const DECLARATIONS = [
  /^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/m,
  /^\s*(?:export\s+)?(?:default\s+)?(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/m,
  /^\s*(?:export\s+)?(?:interface|type|enum)\s+([A-Za-z_$][\w$]*)/m,
  /^\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:\([^)]*\)|[\w$]+)\s*(?::[^=]+)?=>/m,
  /^\s*(?:async\s+)?def\s+(\w+)/m,
  /^\s*func\s+(?:\([^)]*\)\s*)?(\w+)/m,
  /^\s*(?:pub\s+)?fn\s+(\w+)/m,
  /^\s*(?:public|private|protected|static|\s)*[\w<>[\]]+\s+(\w+)\s*\([^;]*\)\s*\{/m,
  /^\s*(?:function\s+)?(\w+)\s*\(\)\s*\{/m,
  /^\s*CREATE\s+(?:TABLE|VIEW|INDEX|FUNCTION)\s+(?:IF NOT EXISTS\s+)?([\w.]+)/im,
]

/** A short name: the declared function/class/component, else the first comment, else the first line. */
export function nameOf(text: string, language: string): string {
  for (const re of DECLARATIONS) {
    const name = re.exec(text)?.[1]
    if (name && !/^(?:if|for|while|switch|return|catch)$/.test(name)) return name
  }
  for (const line of text.split('\n')) {
    const comment = /^\s*(?:\/\/+|#+(?!!|include|define)|\/\*+|\*|--)\s*(.+?)\s*(?:\*\/)?$/.exec(
      line,
    )?.[1]
    if (comment && /[A-Za-z]{3,}.*\s\S/.test(comment) && !comment.startsWith('@'))
      return comment.slice(0, 80)
  }
  const first =
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? ''
  return `${language} · ${first}`.slice(0, 80)
}

const IMPORTS = [
  /\bfrom\s+['"]([^'"]+)['"]/g,
  /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\bimport\s+['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /^\s*from\s+([\w.]+)\s+import\b/gm,
  /^\s*import\s+([\w.]+(?:\s*,\s*[\w.]+)*)\s*$/gm,
  /^\s*#\s*include\s*<([\w/]+)(?:\.h)?>/gm,
  /^\s*use\s+(\w+)::/gm,
]

/** Tags: the language and the libraries or frameworks the snippet imports (at most 8). */
export function tagsOf(text: string, language: string): string[] {
  const tags = new Set<string>()
  if (language !== 'txt') tags.add(language)
  for (const re of IMPORTS) {
    for (const m of text.matchAll(re)) {
      for (const spec of (m[1] ?? '').split(/\s*,\s*/)) {
        if (spec === '' || spec.startsWith('.') || spec.startsWith('/')) continue
        const name = spec.startsWith('node:')
          ? 'node'
          : spec.startsWith('@')
            ? spec.split('/').slice(0, 2).join('/')
            : (spec.split(/[/.]/)[0] ?? spec)
        if (name) tags.add(name.toLowerCase())
      }
    }
  }
  return [...tags].slice(0, 8)
}
