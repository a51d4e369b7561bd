import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

// Test helpers for the real X11 clipboard under Xvfb (the CLI's and the tray's watcher tests).

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0

/** Why the tests needing these tools cannot run here ('' when they can). */
export function missingTools(tools: readonly string[], install: string): string {
  const missing = tools.filter((tool) => !has(tool))
  return missing.length > 0 ? `needs ${missing.join(' and ')} (apt-get install ${install})` : ''
}

/** Polls `probe` every 25 ms until it returns something other than undefined. */
export async function until<T>(
  probe: () => T | undefined,
  timeoutMs: number,
  what: string | (() => string),
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${typeof what === 'string' ? what : what()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Starts Xvfb on a random display; `stop` ends it. */
export async function startXvfb(): Promise<{ display: string; stop(): Promise<void> }> {
  const display = `:${100 + Math.floor(Math.random() * 800)}`
  const xvfb = spawn('Xvfb', [display, '-nolisten', 'tcp'], { stdio: 'ignore' })
  const stop = async () => {
    if (xvfb.exitCode !== null || xvfb.signalCode !== null) return
    const exited = new Promise((resolve) => xvfb.once('exit', resolve))
    xvfb.kill('SIGTERM')
    await exited
  }
  try {
    await until(
      () => (existsSync(`/tmp/.X11-unix/X${display.slice(1)}`) ? true : undefined),
      5000,
      'Xvfb',
    )
  } catch (error) {
    await stop()
    throw error
  }
  return { display, stop }
}

/** Puts `text` on the X11 CLIPBOARD with xclip, as another application would. */
export function copyWithXclip(env: NodeJS.ProcessEnv, text: string): void {
  // xclip forks a child that serves the selection: don't wait on its output pipes.
  const result = spawnSync('xclip', ['-selection', 'clipboard'], {
    input: text,
    env,
    stdio: ['pipe', 'ignore', 'ignore'],
  })
  if (result.status !== 0) throw new Error(`xclip exited with ${result.status}`)
}

/** The X11 CLIPBOARD's text, read with xclip. */
export function readClipboard(env: NodeJS.ProcessEnv): string {
  const result = spawnSync('xclip', ['-o', '-selection', 'clipboard'], {
    env,
    encoding: 'utf8',
    timeout: 5000,
  })
  if (result.status !== 0) throw new Error(`xclip -o exited with ${result.status}`)
  return result.stdout
}
