// `npm test`: the unit and integration suite (vitest), then the built tray window and the Electron
// app through Playwright. Prints each skip with its reason, each failure, and one closing line
// with the combined counts (true even when a runner crashes; see test-steps.mjs).
import './check-node.cjs'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { playwrightArgs, runStep, summarize, vitestArgs } from './test-steps.mjs'

const root = join(import.meta.dirname, '..')
const reports = join(root, 'test-results', 'reports')
mkdirSync(reports, { recursive: true })

const steps = [
  runStep({
    label: 'unit and integration tests (vitest)',
    args: vitestArgs(root, ['--exclude', 'test/**']),
    cwd: root,
    tallyFile: join(reports, 'vitest.jsonl'),
  }),
  // After the others, not beside them: these start builds, runners and ESLint of their own, and
  // would crowd the timing of the servers and processes the other tests start.
  runStep({
    label: 'project tests: first run, test counts, lint rules (vitest, test/)',
    args: vitestArgs(root, ['test/']),
    cwd: root,
    tallyFile: join(reports, 'vitest-project.jsonl'),
  }),
]

if (existsSync(join(root, 'playwright.config.ts'))) {
  const build = runStep({
    label: 'build (electron-vite)',
    args: ['electron-vite', 'build'],
    cwd: root,
  })
  steps.push(build)
  if (build.status === 0) {
    steps.push(
      runStep({
        label: 'browser and Electron tests (playwright)',
        args: playwrightArgs(root),
        cwd: root,
        tallyFile: join(reports, 'playwright.jsonl'),
        env: { CLIPWISE_E2E_SKIP_BUILD: '1' },
      }),
    )
  }
}

const summary = summarize(steps)
console.log(`\n${summary.lines.join('\n')}`)
process.exit(summary.ok ? 0 : 1)
