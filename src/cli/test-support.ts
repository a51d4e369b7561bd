import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Shared by the CLI tests: Xvfb on a random display with the real X11 clipboard, and a connector
// running as `clipwise connector` in its own process, as a user would run it.

export const MAIN = join(__dirname, 'main.ts')
export const NODE_ARGS = ['--disable-warning=ExperimentalWarning', '--import', 'tsx', MAIN]

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

export interface X11Session {
  /** The environment for anything that should see this display and Clipwise data folder. */
  env: NodeJS.ProcessEnv
  connector: { url: string; dataDir: string }
  /** Stops the connector only (it holds its database exclusively while it runs). */
  stopConnector(): Promise<void>
  /** Stops the connector and Xvfb and removes the data folders. */
  stop(): Promise<void>
}

/** Starts Xvfb on a random display and `clipwise connector` on a free loopback port. */
export async function startX11Session(): Promise<X11Session> {
  const display = `:${100 + Math.floor(Math.random() * 800)}`
  const xvfb = spawn('Xvfb', [display, '-nolisten', 'tcp'], { stdio: 'ignore' })
  const root = mkdtempSync(join(tmpdir(), 'clipwise-cli-'))
  const dataDir = join(root, 'connector')
  let connectorProcess: ChildProcess | undefined
  const stop = async () => {
    await stopProcess(connectorProcess)
    await stopProcess(xvfb)
    rmSync(root, { recursive: true, force: true })
  }
  try {
    await until(
      () => (existsSync(`/tmp/.X11-unix/X${display.slice(1)}`) ? true : undefined),
      5000,
      'Xvfb',
    )
    connectorProcess = spawn(process.execPath, [
      ...NODE_ARGS,
      'connector',
      '--port',
      '0',
      '--data',
      dataDir,
    ])
    let announced = ''
    connectorProcess.stdout?.on('data', (chunk: Buffer) => (announced += chunk.toString()))
    const url = await until(
      () => /listening on (http:\/\/\S+)/.exec(announced)?.[1],
      15_000,
      'the connector',
    )
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DISPLAY: display,
      CLIPWISE_DATA_DIR: join(root, 'app'),
    }
    delete env.WAYLAND_DISPLAY
    const started = connectorProcess
    return { env, connector: { url, dataDir }, stopConnector: () => stopProcess(started), stop }
  } catch (error) {
    await stop()
    throw error
  }
}

async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
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
