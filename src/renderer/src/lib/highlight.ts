import type { HLJSApi, LanguageFn } from 'highlight.js'
import { languageOf } from '../../../shared/languages'

type Loader = () => Promise<{ default: LanguageFn }>

// One lazily loaded chunk per grammar: the window's first paint carries no highlighter at all.
const GRAMMARS: Record<string, Loader> = {
  typescript: () => import('highlight.js/lib/languages/typescript'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  python: () => import('highlight.js/lib/languages/python'),
  go: () => import('highlight.js/lib/languages/go'),
  rust: () => import('highlight.js/lib/languages/rust'),
  java: () => import('highlight.js/lib/languages/java'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  csharp: () => import('highlight.js/lib/languages/csharp'),
  ruby: () => import('highlight.js/lib/languages/ruby'),
  php: () => import('highlight.js/lib/languages/php'),
  bash: () => import('highlight.js/lib/languages/bash'),
  powershell: () => import('highlight.js/lib/languages/powershell'),
  sql: () => import('highlight.js/lib/languages/sql'),
  json: () => import('highlight.js/lib/languages/json'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
  ini: () => import('highlight.js/lib/languages/ini'),
  xml: () => import('highlight.js/lib/languages/xml'),
  css: () => import('highlight.js/lib/languages/css'),
  markdown: () => import('highlight.js/lib/languages/markdown'),
  swift: () => import('highlight.js/lib/languages/swift'),
  kotlin: () => import('highlight.js/lib/languages/kotlin'),
  lua: () => import('highlight.js/lib/languages/lua'),
}

/** The highlight.js grammar for a connector language id, or undefined for plain text. */
export function grammarFor(language: string): string | undefined {
  const name = languageOf(language)?.grammar
  return name !== undefined && name in GRAMMARS ? name : undefined
}

let core: Promise<HLJSApi> | undefined
const registered = new Map<string, Promise<void>>()

async function load(grammar: string): Promise<HLJSApi> {
  core ??= import('highlight.js/lib/core').then((module) => module.default)
  const hljs = await core
  let ready = registered.get(grammar)
  if (!ready) {
    const loader = GRAMMARS[grammar]
    ready = loader
      ? loader().then((module) => hljs.registerLanguage(grammar, module.default))
      : Promise.resolve()
    registered.set(grammar, ready)
  }
  await ready
  return hljs
}

/**
 * Highlighted HTML for a snippet (highlight.js escapes the text and emits only `<span class>`),
 * or undefined when the language has no grammar here. Large snippets are left plain.
 */
export async function highlight(text: string, language: string): Promise<string | undefined> {
  const grammar = grammarFor(language)
  if (!grammar || text.length > 100_000) return undefined
  const hljs = await load(grammar)
  return hljs.highlight(text, { language: grammar, ignoreIllegals: true }).value
}
