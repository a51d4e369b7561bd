// `npm start`: build Clipwise and run it in the tray. Electron's binary is fetched on first use
// (the `electron` package has no install script); where it cannot be fetched, say so in one
// sentence and point to the terminal front end instead of printing a stack trace.
import './check-node.cjs'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const electronDir = join(root, 'node_modules', 'electron')

/** The Electron executable, or undefined when it is not installed (without triggering a download). */
function electronBinary() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const pathFile = join(electronDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined
  const candidate = override
    ? join(override, relative || 'electron')
    : relative && join(electronDir, 'dist', relative)
  return candidate && existsSync(candidate) ? candidate : undefined
}

function fail(sentence) {
  console.error(sentence)
  process.exit(1)
}

if (!existsSync(electronDir)) {
  fail('Clipwise needs its dependencies first: run `npm ci`, then `npm start` again.')
}

if (!electronBinary()) {
  console.log('Electron’s runtime is not installed yet: fetching it…')
  const download = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 10 * 60_000,
  })
  if (download.status !== 0 || !electronBinary()) {
    fail(
      'Electron could not be downloaded on this machine, so the tray app cannot start here; run `npm run watch` to use Clipwise from the terminal instead.',
    )
  }
}

// `electron-vite preview` builds main, preload and renderer, then launches the built app.
const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
const child = spawn(process.execPath, [cli, 'preview', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
})
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
