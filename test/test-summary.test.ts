import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { playwrightArgs, runStep, summarize, vitestArgs } from '../scripts/test-steps.mjs'
import { ROOT } from './support/older-node'

// `npm test`'s closing lines (scripts/test.mjs), from real runs of the real runners.

const fixture = join(ROOT, 'test', 'fixtures', 'runner-crash')
const temp = mkdtempSync(join(tmpdir(), 'clipwise-tally-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

/** The fixture project under vitest, with a reporter that throws after the last test. */
function crashingVitest(files: string[]) {
  return runStep({
    label: 'vitest',
    args: vitestArgs(ROOT, [
      '--config',
      'vitest.config.mjs',
      '--reporter=./crash-at-end-reporter.mjs',
      ...files,
    ]),
    cwd: fixture,
    tallyFile: join(temp, `vitest-${files.length}.jsonl`),
    stdio: 'pipe',
  })
}

describe('when vitest crashes after its tests', () => {
  it('the counts are those of the tests that ran, not zeros', () => {
    const step = crashingVitest([])
    expect(step.status).not.toBe(0)
    expect(step.output).toContain('Map.groupBy is not a function')
    const summary = summarize([step])
    expect(summary.lines.at(-1)).toBe('tests: 2 passed, 1 failed, 1 skipped')
    expect(summary.lines).toContain('failed: unloadable.check.mjs > (the file itself)')
    expect(summary.lines).toContain(
      'skipped: skipping.check.mjs > needs a tool this machine lacks (no frobnicator here)',
    )
    expect(summary.ok).toBe(false)
  }, 120_000)

  it('a crash with no failed test is still a failure, and says so', () => {
    const step = crashingVitest(['passing', 'skipping'])
    const summary = summarize([step])
    expect(summary.lines).toContain(
      'failed: vitest stopped with exit code 1 after 3 tests had finished, none of them failed ' +
        '(its output is above); counted as 1 failure',
    )
    expect(summary.lines.at(-1)).toBe('tests: 2 passed, 1 failed, 1 skipped')
    expect(summary.ok).toBe(false)
  }, 120_000)
})

describe('when this machine has no Chromium', () => {
  it('the browser tests are reported as skipped for that reason, not silently', () => {
    const step = runStep({
      label: 'playwright',
      args: playwrightArgs(ROOT, ['e2e/tray-window.spec.ts']),
      cwd: ROOT,
      tallyFile: join(temp, 'playwright.jsonl'),
      env: { CHROMIUM_PATH: '', CLIPWISE_E2E_SKIP_BUILD: '1' },
      stdio: 'pipe',
    })
    expect(step.status).toBe(0)
    const summary = summarize([step])
    const skipped = summary.lines.find((line) => line.startsWith('skipped '))
    expect(skipped).toMatch(
      /^skipped \d+ tests in e2e\/tray-window\.spec\.ts: Chromium is not installed: `apt-get install -y chromium` \(Debian\)\.$/,
    )
    expect(summary.lines.at(-1)).toMatch(/^tests: 0 passed, 0 failed, \d+ skipped$/)
  }, 120_000)
})
