// Starts `clipwise connector` as a child process for the benchmark and stops it.
import { readFileSync } from 'node:fs'
import { spawnConnector, waitForUrl } from '../src/connector/server/test-support/spawn-connector'

export interface ConnectorProcess {
  url: string
  /** Resident memory of the connector process in MiB (Linux: /proc), or NaN elsewhere. */
  rssMiB: () => number
  stop: () => Promise<void>
}

/** Runs the connector on a free loopback port over `dataDir` and waits for its listening line. */
export async function startConnectorProcess(dataDir: string): Promise<ConnectorProcess> {
  const proc = spawnConnector(dataDir)
  try {
    const url = await waitForUrl(proc, 60_000)
    return {
      url,
      rssMiB: () => residentMiB(proc.child.pid),
      stop: async () => {
        proc.child.kill('SIGTERM')
        await proc.exited
      },
    }
  } catch (error) {
    proc.child.kill('SIGKILL')
    throw error
  }
}

function residentMiB(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1]) / 1024
  } catch {
    return Number.NaN
  }
}
