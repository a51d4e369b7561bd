// The parts of `npm test` (scripts/test.mjs): run a step, read what its tally reporter wrote,
// and make the closing summary. Counts come from the tally lines written while the tests ran,
// so a runner that crashes after its tests still gets its true counts, and the crash is counted.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'

/** Runs `npx <args>` in `cwd` and returns its exit status, tally lines and (when piped) output. */
export function runStep({ label, args, cwd, tallyFile, env = {}, stdio = 'inherit' }) {
  if (stdio === 'inherit') console.log(`\n▶ ${label}`)
  if (tallyFile) rmSync(tallyFile, { force: true })
  const result = spawnSync(npx, args, {
    cwd,
    stdio,
    encoding: 'utf8',
    env: { ...process.env, ...env, ...(tallyFile ? { CLIPWISE_TALLY_FILE: tallyFile } : {}) },
  })
  const status = result.status ?? 1
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
  return { label, status, entries: tallyFile ? readTally(tallyFile) : [], output }
}

/** The tally lines of one step (a line cut short by a crash is left out). */
export function readTally(file) {
  if (!existsSync(file)) return []
  const entries = []
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    try {
      if (line.trim()) entries.push(JSON.parse(line))
    } catch {
      // The runner died mid-line; the tests before it still count.
    }
  }
  return entries
}

/** The vitest step's arguments: its own output, plus the tally reporter. */
export function vitestArgs(root, extra = []) {
  return [
    'vitest',
    'run',
    '--reporter=default',
    `--reporter=${join(root, 'scripts', 'vitest-tally.mjs')}`,
    ...extra,
  ]
}

/** The Playwright step's arguments: its list output, plus the tally reporter. */
export function playwrightArgs(root, extra = []) {
  return [
    'playwright',
    'test',
    `--reporter=list,${join(root, 'scripts', 'playwright-tally.mjs')}`,
    ...extra,
  ]
}

/**
 * The closing lines of a run: each skip with its reason (grouped when many share one), each
 * failure, each step that ended badly without a failed test to show for it, then the counts.
 */
export function summarize(steps) {
  const lines = []
  const totals = { passed: 0, failed: 0, skipped: 0 }
  const skipGroups = new Map()
  for (const step of steps) {
    let failedHere = 0
    for (const entry of step.entries) {
      if (entry.state === 'passed') totals.passed++
      else if (entry.state === 'failed') {
        totals.failed++
        failedHere++
        lines.push(`failed: ${[entry.file, entry.name].filter(Boolean).join(' > ')}`)
      } else {
        totals.skipped++
        const key = entry.reason ? `${entry.runner}\u0000${entry.reason}` : `${entry.runner}\u0000`
        const group = skipGroups.get(key) ?? { reason: entry.reason, entries: [] }
        group.entries.push(entry)
        skipGroups.set(key, group)
      }
    }
    if (step.status !== 0 && failedHere === 0) {
      totals.failed++
      const finished = step.entries.length
      lines.push(
        `failed: ${step.label} stopped with exit code ${step.status} ` +
          (finished
            ? `after ${finished} test${finished === 1 ? '' : 's'} had finished, none of them failed`
            : 'before any test finished') +
          ' (its output is above); counted as 1 failure',
      )
    }
  }
  for (const group of skipGroups.values()) {
    if (!group.reason) {
      // No reason given: the title says why (vitest's `describe.skipIf` titles do).
      for (const entry of group.entries) lines.push(`skipped: ${entry.file} > ${entry.name}`)
    } else if (group.entries.length === 1) {
      const [entry] = group.entries
      lines.push(`skipped: ${entry.file} > ${entry.name} (${group.reason})`)
    } else {
      const files = [...new Set(group.entries.map((entry) => entry.file))].join(', ')
      lines.push(`skipped ${group.entries.length} tests in ${files}: ${group.reason}`)
    }
  }
  lines.push(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
  return { lines, totals, ok: totals.failed === 0 }
}
