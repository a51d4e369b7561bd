// What the tune scripts (`renamed-tune.ts`, `false-reuse-tune.ts`) share: which slices of real
// code they keep, their command-line switches, and how they print a rate.

const COMMENT_LINE = /^\s*(?:\/\/|\/?\*|#)/

/** Half the lines or more are code: block comments blanked (newlines kept), then line comments. */
export function mostlyCode(s: string): boolean {
  const lines = s.split('\n').filter((l) => l.trim() !== '')
  const code = s
    .replace(/\/\*[\s\S]*?(?:\*\/|$(?![\s\S]))/g, (c) => c.replace(/[^\n]/g, ''))
    .split('\n')
    .filter((l) => l.trim() !== '' && !COMMENT_LINE.test(l))
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
