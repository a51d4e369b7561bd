// The programmatic entry of @doyensec/electronegativity (dist/runner.js), which ships no types.
declare module '@doyensec/electronegativity' {
  interface Finding {
    id: string
    file: string
    severity: { name: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' }
    confidence: { name: string }
    location: { line: number; column: number }
  }
  interface Options {
    input: string
    electronVersionOverride?: string
    customScan?: string[]
    excludeFromScan?: string[]
    parserPlugins?: string[]
  }
  /** Scans a folder, file or asar; resolves with the findings not disabled inline. */
  export default function run(options: Options): Promise<{
    globalChecks: number
    atomicChecks: number
    errors: { file: string; message: string; tolerable: boolean }[]
    issues: Finding[]
  }>
}
