import { spawn, type ChildProcess } from 'node:child_process'

/** A display for a GUI process: the one this session has, or a private Xvfb started for it. */
export interface Display {
  /** The value for DISPLAY. */
  display: string
  /** Stops the Xvfb this started (nothing when the session's own display was used). */
  stop(): void
}

/**
 * Uses $DISPLAY when set; otherwise starts Xvfb (Debian's `xvfb` package) and lets it pick a free
 * display number (`-displayfd`), so a root shell without a desktop can still run Electron.
 */
export async function ensureDisplay(timeoutMs = 10_000): Promise<Display> {
  if (process.env.DISPLAY) return { display: process.env.DISPLAY, stop: () => undefined }
  const xvfb: ChildProcess = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  )
  const number = await new Promise<string>((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(
      () => fail(new Error('Xvfb did not report a display in time')),
      timeoutMs,
    )
    const fail = (error: Error) => {
      clearTimeout(timer)
      xvfb.kill()
      reject(error)
    }
    xvfb.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
    xvfb.stdio[3]?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (!out.includes('\n')) return
      clearTimeout(timer)
      resolve(out.trim())
    })
    xvfb.once('error', (error) =>
      fail(new Error(`Xvfb could not start (apt-get install -y xvfb): ${error.message}`)),
    )
    xvfb.once('exit', (code) => fail(new Error(`Xvfb exited (${code}): ${err.trim()}`)))
  })
  return { display: `:${number}`, stop: () => void xvfb.kill() }
}
