// What the tune scripts (`renamed-tune.ts`, `false-reuse-tune.ts`, `directive-tune.ts`) share: the C
// sources they draw, which slices of real code they keep, the files the quality report's mixed
// table draws (left out of every tune set), their command-line switches, and how they print a rate.
import { existsSync, readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { findSources, type SourceFile } from '../src/connector/server/engine/test-support/corpus'

/** Debian packages' documentation (their example programs). */
export const D = '/usr/share/doc'
/**
 * Python's C sources of one pyenv version (3.11 where there is one, else the newest; every version
 * ships the same `config.c`), else Debian's Python headers.
 */
export const pyenv = join(process.env.PYENV_ROOT ?? join(homedir(), '.pyenv'), 'versions')
const versions = existsSync(pyenv)
  ? readdirSync(pyenv).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  : []
export const python = versions.filter((v) => v.startsWith('3.11.')).pop() ?? versions.pop()
const pythonC = python ? [join(pyenv, python, 'lib')] : ['/usr/include/python3.11']

/** The C sources of both tune sets (name, folders), none of them drawn by the quality report. */
export const C_SOURCES: [string, string[]][] = [
  ...['nettle-dev', 'libxmlsec1-dev', 'zlib1g-dev', 'linux-perf', 'libidn2-dev']
    .concat('libtasn1-6-dev', 'liblzma-dev', 'libpng-dev', 'git/contrib', 'libexpat1-dev')
    .concat('libjansson4', 'libjpeg62-turbo-dev', 'libstemmer0d', 'libxslt1-dev', 'gdb')
    .map((p): [string, string[]] => [`deb:${p}`, [`${D}/${p}`]]),
  [python ? `pyenv ${python}` : 'deb:libpython3.11-dev', pythonC],
  ['deb:libc6-dev (sys)', ['/usr/include/x86_64-linux-gnu/sys']],
  ['deb:libssl-dev', ['/usr/include/openssl']],
]

const COMMENT_LINE = /^\s*(?:\/\/|\/?\*|#)/
/** A C preprocessor line, indented after its `#` or not (`#  define`, `# include`): code. */
const DIRECTIVE = /^\s*#\s*(?:include|define|undef|if|ifdef|ifndef|elif|else|endif|pragma|error)\b/

/** Half the lines or more are code: block comments blanked (newlines kept), then line comments. */
export const mostlyCode = (s: string): boolean => codeHalf(s, false)
/** The same for C, whose preprocessor lines are code (a header of `#  define`s is code). */
export const mostlyCCode = (s: string): boolean => codeHalf(s, true)

function codeHalf(s: string, directives: boolean): boolean {
  const lines = s.split('\n').filter((l) => l.trim() !== '')
  const code = s
    .replace(/\/\*[\s\S]*?(?:\*\/|$(?![\s\S]))/g, (c) => c.replace(/[^\n]/g, ''))
    .split('\n')
    .filter((l) => l.trim() !== '' && (!COMMENT_LINE.test(l) || (directives && DIRECTIVE.test(l))))
  return code.length * 2 >= lines.length
}

/** `--show`: print each pair the script counts against the engine. */
export const show = process.argv.includes('--show')
/** `--lang=a,b`: only these languages' sets. */
export const only = /^--lang=(.+)$/.exec(
  process.argv.find((a) => a.startsWith('--lang=')) ?? '',
)?.[1]
/** A rate as a percentage with its counts. */
export const pc = (n: number, d: number): string =>
  `${((100 * n) / Math.max(1, d)).toFixed(1)}% (${n}/${d})`

/** The source files the first (mixed) table of `bench/quality.ts` draws from, in walk order. */
export const mixedTableSources = (): SourceFile[] =>
  findSources(
    ['node_modules', '/usr/lib/python3.11', '/usr/include'],
    ['js', 'ts', 'py', 'c', 'h', 'sh', 'css'],
    4000,
    4,
  )

/** The paths of those files (left out of every tune set). */
export const mixedTableFiles = (): Set<string> => new Set(mixedTableSources().map((f) => f.path))
