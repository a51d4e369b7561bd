/**
 * The one language catalogue: every language Clipwise names, detects, highlights or offers, keyed
 * by its `ClassificationSpecificEnum` value (the file extension the connector stores). Detection,
 * save rules, enrichment and the tray window's names, picker and highlighting all read it.
 */
export interface Language {
  /** ClassificationSpecificEnum value (`py`, `ts`, …). */
  id: string
  /** What the user reads. */
  name: string
  /** ClassificationGenericEnum: prose formats are TEXT, the rest CODE. */
  generic: 'CODE' | 'TEXT'
  /** highlight.js grammar that renders it, if one is bundled. */
  grammar?: string
  /** The detector may answer this language (else it answers `txt` rather than guess it). */
  detected?: boolean
  /** One of the eighteen languages whose detection and reuse the quality report measures. */
  measured?: boolean
  /** Offered in the save form's language picker. */
  choice?: boolean
  /** Other extensions meaning the same language (`yml` for `yaml`). */
  aliases?: string[]
}

const code = (
  id: string,
  name: string,
  grammar: string | undefined,
  flags: Partial<Language> = {},
): Language => ({ id, name, generic: 'CODE', ...(grammar ? { grammar } : {}), ...flags })
const all = { detected: true, measured: true, choice: true }

/** Every language, in the order the save form offers them. */
export const LANGUAGES: readonly Language[] = [
  code('ts', 'TypeScript', 'typescript', { ...all, aliases: ['mts', 'cts'] }),
  code('tsx', 'TSX', 'typescript', { choice: true }),
  code('js', 'JavaScript', 'javascript', { ...all, aliases: ['mjs', 'cjs'] }),
  code('jsx', 'JSX', 'javascript'),
  code('py', 'Python', 'python', all),
  code('go', 'Go', 'go', all),
  code('rs', 'Rust', 'rust', all),
  code('java', 'Java', 'java', all),
  code('kt', 'Kotlin', 'kotlin', { ...all, aliases: ['kts'] }),
  code('swift', 'Swift', 'swift', all),
  code('c', 'C', 'c', all),
  code('h', 'C header', 'c'),
  code('cpp', 'C++', 'cpp', { ...all, aliases: ['cc', 'cxx', 'hpp', 'hh', 'hxx'] }),
  code('cs', 'C#', 'csharp', all),
  code('rb', 'Ruby', 'ruby', all),
  code('php', 'PHP', 'php', all),
  code('pl', 'Perl', undefined, { detected: true, aliases: ['pm'] }),
  code('sh', 'Shell', 'bash', { ...all, aliases: ['bash', 'zsh'] }),
  code('ps1', 'PowerShell', 'powershell', { detected: true, choice: true }),
  code('sql', 'SQL', 'sql', all),
  code('json', 'JSON', 'json', { detected: true, choice: true }),
  code('yaml', 'YAML', 'yaml', { ...all, aliases: ['yml'] }),
  code('toml', 'TOML', 'ini', { choice: true }),
  code('html', 'HTML', 'xml', { ...all, aliases: ['htm'] }),
  code('xml', 'XML', 'xml', { aliases: ['svg'] }),
  code('css', 'CSS', 'css', all),
  {
    id: 'md',
    name: 'Markdown',
    generic: 'TEXT',
    grammar: 'markdown',
    detected: true,
    choice: true,
  },
  code('scala', 'Scala', undefined, { detected: true }),
  code('lua', 'Lua', 'lua', { detected: true }),
  code('dart', 'Dart', undefined, { detected: true }),
  code('r', 'R', undefined, { detected: true }),
  code('bat', 'Batch', undefined, { detected: true }),
  code('hs', 'Haskell', undefined, { detected: true }),
  { id: 'txt', name: 'Plain text', generic: 'TEXT', choice: true },
]

const byId = new Map<string, Language>()
for (const language of LANGUAGES) {
  byId.set(language.id, language)
  for (const alias of language.aliases ?? []) if (!byId.has(alias)) byId.set(alias, language)
}

/** The catalogue entry of a language id or one of its aliases. */
export function languageOf(id: string): Language | undefined {
  return byId.get(id)
}

/** ClassificationGenericEnum of a language: prose formats are TEXT, the rest CODE. */
export function genericOf(id: string): 'CODE' | 'TEXT' {
  return languageOf(id)?.generic ?? 'CODE'
}

/** Display name of a language id (`Plain text` for none, the id upper-cased when unknown). */
export function languageName(id: string): string {
  return id ? (byId.get(id)?.name ?? id.toUpperCase()) : 'Plain text'
}

/** Language ids the detector may answer. */
export const DETECTED_LANGUAGES: readonly string[] = LANGUAGES.filter((l) => l.detected).map(
  (l) => l.id,
)

/** The eighteen languages the quality report measures (detection and reuse). */
export const MEASURED_LANGUAGES: readonly string[] = LANGUAGES.filter((l) => l.measured).map(
  (l) => l.id,
)

/** Language ids offered in the save form's picker. */
export const LANGUAGE_CHOICES: readonly string[] = LANGUAGES.filter((l) => l.choice).map(
  (l) => l.id,
)
