// `npm run bench`: runs every `bench/*.bench.ts` one after another, each in its own process so
// one benchmark's memory and warm caches do not colour the next. `bench:capture` and
// `bench:tray-capture` (need Xvfb and an idle window) and `bench:quality` run on their own. Pass names to run a subset:
// `npm run bench -- connector engine`; options (`--sizes=1000,10000`) go to every benchmark run.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const here = import.meta.dirname
const own = new Set(['capture.bench.ts', 'tray-capture.bench.ts'])
// Heavy (a 1,000,000-snippet team library in PostgreSQL): only when named, `npm run bench -- team`.
const onRequest = new Set(['team.bench.ts'])
const args = process.argv.slice(2)
const wanted = args.filter((arg) => !arg.startsWith('--'))
const options = args.filter((arg) => arg.startsWith('--'))
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts') && !own.has(file))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)))
  .filter((file) => !onRequest.has(file) || wanted.some((name) => file.startsWith(name)))
  .sort()

let failed = 0
for (const file of files) {
  console.log(`\n=== ${file} ===`)
  const result = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--disable-warning=ExperimentalWarning',
      '--import',
      'tsx',
      join(here, file),
      ...options,
    ],
    { stdio: 'inherit' },
  )
  if (result.status !== 0) {
    failed++
    console.log(`${file} exited with ${result.status ?? result.signal}`)
  }
}
process.exit(failed > 0 ? 1 : 0)
