// Starts `clipwise connector` as a child process for the benchmark and stops it.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'

export interface ConnectorProcess {
  url: string
  /** Resident memory of the connector process in MiB (Linux: /proc), or NaN elsewhere. */
  rssMiB: () => number
  stop: () => Promise<void>
}

/** Runs the connector on a free loopback port over `dataDir` and waits for its listening line. */
export async function startConnectorProcess(
  root: string,
  dataDir: string,
): Promise<ConnectorProcess> {
  const child = spawn(
    process.execPath,
    [
      '--disable-warning=ExperimentalWarning',
      '--import',
      'tsx',
      'src/cli/main.ts',
      'connector',
      '--port',
      '0',
      '--data',
      dataDir,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  const deadline = Date.now() + 20_000
  for (;;) {
    const url = /listening on (http:\/\/\S+)/.exec(out)?.[1]
    if (url) {
      return {
        url,
        rssMiB: () => residentMiB(child.pid),
        stop: async () => {
          const exited = once(child, 'exit')
          child.kill('SIGTERM')
          await exited
        },
      }
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error('the connector did not start')
    }
    await new Promise((r) => setTimeout(r, 20))
  }
}

function residentMiB(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kib = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1])
    return kib / 1024
  } catch {
    return Number.NaN
  }
}
