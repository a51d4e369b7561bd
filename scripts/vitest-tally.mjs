// A vitest reporter for `npm test`: appends one JSON line per finished test (and per file that
// failed outside its tests) to the file named by CLIPWISE_TALLY_FILE, as it happens. The closing
// counts are made from these lines, so they stay true when vitest itself crashes before its own
// summary (as it does on Node 20, inside its default reporter).
import { appendFileSync } from 'node:fs'

export default class TallyReporter {
  constructor() {
    this.file = process.env.CLIPWISE_TALLY_FILE
  }

  record(entry) {
    if (this.file) appendFileSync(this.file, `${JSON.stringify({ runner: 'vitest', ...entry })}\n`)
  }

  onTestCaseResult(testCase) {
    const result = testCase.result()
    this.record({
      file: testCase.module.relativeModuleId,
      name: testCase.fullName,
      state: result.state === 'pending' ? 'skipped' : result.state,
      ...(result.note ? { reason: result.note } : {}),
    })
  }

  onTestModuleEnd(testModule) {
    if (testModule.state() !== 'failed') return
    const failedTests = [...testModule.children.allTests('failed')].length
    if (failedTests > 0) return
    // A file that failed to load, or a hook that failed: a failure no test case carries.
    const [error] = testModule.errors()
    this.record({
      file: testModule.relativeModuleId,
      name: '(the file itself)',
      state: 'failed',
      reason: error?.message ?? 'failed outside its tests',
    })
  }
}
