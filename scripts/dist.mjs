// `npm run dist`: build with electron-vite, then package with electron-builder. electron-builder
// downloads Electron (and its packaging tools) on first use; where those downloads cannot be
// reached, say so in one sentence (as `npm start` does) instead of its error and stack trace.
import './check-node.cjs'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'

const root = join(import.meta.dirname, '..')
const bin = (name) =>
  join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)
/** How long electron-builder may linger after its failure line (its sockets keep it ~30 s). */
const LINGER_MS = 3000
const NETWORK_ERROR =
  /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ESOCKETTIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|Response code \d+|unable to get local issuer certificate|self[- ]signed certificate)\b/

const plain = stripVTControlCharacters

function fail(sentence) {
  console.error(sentence)
  process.exit(1)
}

if (!existsSync(bin('electron-builder'))) {
  fail('Packaging needs the dependencies first: run `npm ci`, then `npm run dist` again.')
}

const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const builder = spawn(
  bin('electron-builder'),
  ['--config', 'electron-builder.json', '--publish', 'never', ...process.argv.slice(2)],
  { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' },
)
let failure = '' // everything from electron-builder's failure line (`⨯ …`) on
let pending = ''
let lingerTimer

function onOutput(chunk, stream) {
  if (failure) {
    failure += chunk
    return
  }
  pending += chunk
  const lines = pending.split('\n')
  pending = lines.pop() ?? ''
  for (const [index, line] of lines.entries()) {
    if (/^\s*⨯ /.test(plain(line))) {
      failure = `${[line, ...lines.slice(index + 1), pending].join('\n')}`
      pending = ''
      // The failure is final; do not wait for its open sockets to time out.
      lingerTimer = setTimeout(stopBuilder, LINGER_MS)
      return
    }
    stream.write(`${line}\n`)
  }
}

function stopBuilder() {
  try {
    if (process.platform === 'win32') builder.kill()
    else process.kill(-builder.pid, 'SIGTERM')
  } catch {
    // Already gone.
  }
}

builder.stdout.setEncoding('utf8').on('data', (chunk) => onOutput(chunk, process.stdout))
builder.stderr.setEncoding('utf8').on('data', (chunk) => onOutput(chunk, process.stderr))
builder.on('close', (code) => {
  clearTimeout(lingerTimer)
  if (!failure) {
    if (pending) process.stdout.write(`${pending}\n`)
    process.exit(code ?? 1)
  }
  const headline = plain(failure.split('\n')[0])
    .replace(/^\s*⨯\s*/, '')
    .replace(/\s+failedTask=.*$/, '')
  if (NETWORK_ERROR.test(headline)) {
    fail(
      `Packaging needs Electron's downloads and this machine cannot reach them (${headline.trim()}), ` +
        'so nothing was packaged: run `npm run dist` where they can be reached, or set ELECTRON_MIRROR to a mirror of them.',
    )
  }
  process.stderr.write(failure.endsWith('\n') ? failure : `${failure}\n`)
  process.exit(code || 1)
})
