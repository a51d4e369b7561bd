import { spawn } from 'node:child_process'

export interface RunResult {
  code: number | null
  stdout: Buffer
  stderr: string
}

/** Runs a helper program (xclip, wl-paste, pbpaste…) with a timeout; never throws on exit codes. */
export function runProcess(
  command: string,
  args: readonly string[],
  options: {
    input?: string
    timeoutMs?: number
    env?: NodeJS.ProcessEnv
    /** For writers that fork a server child (xclip -i): don't wait for its output pipes. */
    ignoreOutput?: boolean
  } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      stdio: [
        options.input === undefined ? 'ignore' : 'pipe',
        options.ignoreOutput ? 'ignore' : 'pipe',
        options.ignoreOutput ? 'ignore' : 'pipe',
      ],
    })
    const out: Buffer[] = []
    let stderr = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 2000)
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout: Buffer.concat(out), stderr })
    })
    if (child.stdin) {
      // A helper that exits before reading all its input must not crash us with EPIPE.
      child.stdin.on('error', () => undefined)
      child.stdin.end(options.input)
    }
  })
}
