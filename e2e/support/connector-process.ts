import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { EmbeddedConnectorHandle } from '../../src/core'

const ROOT = join(__dirname, '..', '..')
const LISTENING = /^Clipwise connector listening on (http:\/\/\S+)$/

/**
 * Starts the embedded connector as its own process (`clipwise connector`), the way the app runs it
 * in a utility process. Not in the Playwright worker: Playwright's TypeScript loader turns the
 * connector's `import('@vscode/vscode-languagedetection')` into a namespace without the named
 * `ModelOperations` export, and the save path 500s there while it works under plain Node/tsx.
 */
export async function spawnConnector(dataDir: string): Promise<EmbeddedConnectorHandle> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      'src/cli/main.ts',
      'connector',
      '--port',
      '0',
      '--data',
      dataDir,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`connector did not start: ${stderr}`)), 30_000)
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = LISTENING.exec(line)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`connector exited with ${code}: ${stderr}`))
    })
  })
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}
