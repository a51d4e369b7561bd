import { spawn, type ChildProcess } from 'node:child_process'
import { startXvfb } from '../../front-ends/test-support/x11'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Shared by the CLI tests: Xvfb on a random display with the real X11 clipboard, and a connector
// running as `clipwise connector` in its own process, as a user would run it.

import { until } from '../../front-ends/test-support/x11'

export {
  copyWithXclip,
  missingTools,
  readClipboard,
  until,
} from '../../front-ends/test-support/x11'

export const MAIN = join(__dirname, '..', 'main.ts')
export const NODE_ARGS = ['--disable-warning=ExperimentalWarning', '--import', 'tsx', MAIN]

export interface X11Session {
  /** The environment for anything that should see this display and Clipwise data folder. */
  env: NodeJS.ProcessEnv
  connector: { url: string; dataDir: string }
  /** Stops the connector only (it holds its database exclusively while it runs). */
  stopConnector(): Promise<void>
  /** Kills the connector's process with SIGKILL, as a crash would. */
  killConnector(): Promise<void>
  /** Starts the connector again on the same port and data folder. */
  restartConnector(): Promise<void>
  /** Stops the connector and Xvfb and removes the data folders. */
  stop(): Promise<void>
}

/** Starts Xvfb on a random display and `clipwise connector` on a free loopback port. */
export async function startX11Session(): Promise<X11Session> {
  const xvfb = await startXvfb()
  const display = xvfb.display
  const root = mkdtempSync(join(tmpdir(), 'clipwise-cli-'))
  const dataDir = join(root, 'connector')
  let connectorProcess: ChildProcess | undefined
  const stop = async () => {
    await stopProcess(connectorProcess)
    await xvfb.stop()
    rmSync(root, { recursive: true, force: true })
  }
  try {
    const launch = async (port: string) => {
      const child = spawn(process.execPath, [
        ...NODE_ARGS,
        'connector',
        '--port',
        port,
        '--data',
        dataDir,
      ])
      connectorProcess = child
      let announced = ''
      child.stdout?.on('data', (chunk: Buffer) => (announced += chunk.toString()))
      return until(
        () => /listening on (http:\/\/\S+)/.exec(announced)?.[1],
        45_000, // TypeScript through tsx, on a machine others share
        'the connector',
      )
    }
    const url = await launch('0')
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DISPLAY: display,
      CLIPWISE_DATA_DIR: join(root, 'app'),
    }
    delete env.WAYLAND_DISPLAY
    return {
      env,
      connector: { url, dataDir },
      stopConnector: () => stopProcess(connectorProcess),
      async killConnector() {
        const child = connectorProcess
        if (!child || child.exitCode !== null || child.signalCode !== null) return
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGKILL')
        await exited
      },
      async restartConnector() {
        await launch(new URL(url).port)
      },
      stop,
    }
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
