#!/usr/bin/env node
// `clipwise …`: runs the TypeScript CLI through tsx in a child Node (node:sqlite needs Node's own
// loader, which `node --import tsx` keeps), forwarding signals and the exit code. On a Node.js too
// old for Clipwise it says which one is needed, in one sentence, and stops.
require('../scripts/check-node.cjs')
const { spawn } = require('node:child_process')
const path = require('node:path')

const { pathToFileURL } = require('node:url')

const main = path.join(__dirname, '..', 'src', 'cli', 'main.ts')
// tsx as Clipwise installed it: a bare `--import tsx` would be looked up from the current folder,
// and fail anywhere outside the repository.
const tsx = pathToFileURL(require.resolve('tsx')).href
const child = spawn(
  process.execPath,
  ['--disable-warning=ExperimentalWarning', '--import', tsx, main, ...process.argv.slice(2)],
  { stdio: 'inherit' },
)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
