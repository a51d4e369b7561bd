import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))

export interface ConnectorProcess {
  child: ChildProcessWithoutNullStreams
  /** Everything the process wrote to stdout / stderr so far. */
  stdout: () => string
  stderr: () => string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/**
 * Runs `clipwise connector` as a child process the way `npm run connector` does (TypeScript
 * through tsx), or from `compiled`, a JavaScript bundle of `src/cli/main.ts`.
 */
export function spawnConnector(
  dataDir: string,
  extraArgs: string[] = [],
  compiled?: string,
): ConnectorProcess {
  const child = spawn(
    process.execPath,
    [
      '--disable-warning=ExperimentalWarning',
      ...(compiled ? [compiled] : ['--import', 'tsx', 'src/cli/main.ts']),
      'connector',
      '--port',
      '0',
      '--data',
      dataDir,
      ...extraArgs,
    ],
    { cwd: repoRoot, stdio: 'pipe' },
  )
  let out = ''
  let err = ''
  child.stdout.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr.on('data', (c: Buffer) => (err += c.toString()))
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }))
  return { child, stdout: () => out, stderr: () => err, exited }
}

/** Waits for the listening line and returns the URL it names. */
export async function waitForUrl(proc: ConnectorProcess, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const match = /^Clipwise connector listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(
      proc.stdout(),
    )
    if (match?.[1]) return match[1]
    if (proc.child.exitCode !== null) break
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`connector did not start: ${proc.stderr()}`)
}
