// A Playwright reporter for `npm test`: appends one JSON line per finished test (and per error
// outside any test) to the file named by CLIPWISE_TALLY_FILE, as it happens, with the reason a
// skipped test gave (`test.skip(condition, reason)`). See vitest-tally.mjs for why.
import { appendFileSync } from 'node:fs'
import { relative } from 'node:path'

export default class TallyReporter {
  constructor() {
    this.file = process.env.CLIPWISE_TALLY_FILE
  }

  record(entry) {
    if (this.file) {
      appendFileSync(this.file, `${JSON.stringify({ runner: 'playwright', ...entry })}\n`)
    }
  }

  printsToStdio() {
    return false
  }

  onTestEnd(test, result) {
    // A test that will be retried reports again; only its last attempt counts.
    if (result.status !== 'passed' && result.status !== 'skipped' && result.retry < test.retries) {
      return
    }
    const outcome = test.outcome()
    const skip = [...test.annotations, ...(result.annotations ?? [])].find(
      (annotation) => annotation.type === 'skip' || annotation.type === 'fixme',
    )
    this.record({
      file: relative(process.cwd(), test.location.file),
      name: test.titlePath().filter(Boolean).slice(1).join(' > '),
      state:
        outcome === 'skipped'
          ? 'skipped'
          : outcome === 'expected' || outcome === 'flaky'
            ? 'passed'
            : 'failed',
      ...(outcome === 'skipped' && skip?.description ? { reason: skip.description } : {}),
    })
  }

  onError(error) {
    this.record({
      file: error.location ? relative(process.cwd(), error.location.file) : '',
      name: '(outside any test)',
      state: 'failed',
      reason: error.message?.split('\n')[0] ?? 'an error outside any test',
    })
  }
}
