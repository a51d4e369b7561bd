// `npm test`: the unit and integration suite (vitest), then the built tray window and the Electron
// app through Playwright. Prints one closing line with the combined counts.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const reports = join(root, 'test-results', 'reports')
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'

function run(label, args, env = {}) {
  console.log(`\n▶ ${label}`)
  const result = spawnSync(npx, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  return result.status ?? 1
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 }
let failedSteps = 0

const vitestReport = join(reports, 'vitest.json')
const unitStatus = run('unit and integration tests (vitest)', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
])
const vitest = readJson(vitestReport)
if (vitest) {
  totals.passed += vitest.numPassedTests
  totals.failed += vitest.numFailedTests
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests
  // Say which unit tests were skipped: their titles carry the reason.
  for (const file of vitest.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (['pending', 'skipped', 'todo'].includes(test.status))
        console.log(`skipped: ${test.fullName}`)
    }
  }
}
if (unitStatus !== 0) failedSteps++

if (existsSync(join(root, 'playwright.config.ts'))) {
  const buildStatus = run('build (electron-vite)', ['electron-vite', 'build'])
  if (buildStatus !== 0) failedSteps++
  else {
    const e2eReport = join(reports, 'playwright.json')
    const e2eStatus = run(
      'browser and Electron tests (playwright)',
      ['playwright', 'test', '--reporter=list,json'],
      {
        PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
      },
    )
    const pw = readJson(e2eReport)
    if (pw?.stats) {
      totals.passed += pw.stats.expected + pw.stats.flaky
      totals.failed += pw.stats.unexpected
      totals.skipped += pw.stats.skipped
    }
    if (e2eStatus !== 0) failedSteps++
  }
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(failedSteps > 0 || totals.failed > 0 ? 1 : 0)
