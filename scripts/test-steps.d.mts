// Types of test-steps.mjs, for the tests that drive it (test/test-summary.test.ts).

export interface TallyEntry {
  runner: 'vitest' | 'playwright'
  file: string
  name: string
  state: 'passed' | 'failed' | 'skipped'
  reason?: string
}

export interface StepResult {
  label: string
  status: number
  entries: TallyEntry[]
  output: string
}

export interface StepOptions {
  label: string
  args: string[]
  cwd: string
  tallyFile?: string
  env?: Record<string, string>
  stdio?: 'inherit' | 'pipe'
}

export function runStep(options: StepOptions): StepResult
export function readTally(file: string): TallyEntry[]
export function vitestArgs(root: string, extra?: string[]): string[]
export function playwrightArgs(root: string, extra?: string[]): string[]
export function summarize(steps: Pick<StepResult, 'label' | 'status' | 'entries'>[]): {
  lines: string[]
  totals: { passed: number; failed: number; skipped: number }
  ok: boolean
}
