// Starts `clipwise connector` as a child process for the benchmark and stops it.
import { buildSync } from 'esbuild'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { spawnConnector, waitForUrl } from '../src/connector/server/test-support/spawn-connector'

export interface ConnectorProcess {
  url: string
  /** Resident memory of the connector process in MiB (Linux: /proc), or NaN elsewhere. */
  rssMiB: () => number
  stop: () => Promise<void>
}

const ROOT = join(import.meta.dirname, '..')

/**
 * Bundles the CLI into one CommonJS file (dependencies left in node_modules), as the app ships
 * the connector: compiled, not TypeScript compiled by tsx at each start (~0.45 s of a start).
 * Returns its path.
 */
export function bundleCli(): string {
  const outfile = join(ROOT, 'node_modules', '.cache', 'clipwise-bench', 'cli.cjs')
  buildSync({
    entryPoints: [join(ROOT, 'src', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  })
  return outfile
}

/**
 * Runs the connector on a free loopback port over `dataDir` and waits for its listening line:
 * from `compiled` (see `bundleCli`) when given, else through tsx as `npm run connector` does.
 */
export async function startConnectorProcess(
  dataDir: string,
  compiled?: string,
): Promise<ConnectorProcess> {
  const proc = spawnConnector(dataDir, [], compiled)
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
