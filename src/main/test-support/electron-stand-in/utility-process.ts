import { fork, type ChildProcess } from 'node:child_process'
import { constants } from 'node:os'
import { PARENT_PORT_SHIM } from '../node-connector-child'
import { StandInEmitter } from './emitter'

type ChildUsed = 'on' | 'once' | 'postMessage' | 'kill' | 'pid'

/** Electron's `UtilityProcess` as a Node child process running the same entry file. */
export class StandInUtilityProcess
  extends StandInEmitter<Electron.UtilityProcess>
  implements Pick<Electron.UtilityProcess, ChildUsed>
{
  readonly child: ChildProcess
  exited = false

  constructor(modulePath: string, args: string[], options: Electron.ForkOptions = {}) {
    super()
    this.child = fork(modulePath, args, {
      execArgv: ['--disable-warning=ExperimentalWarning', '--require', PARENT_PORT_SHIM],
      stdio: options.stdio === 'inherit' ? ['ignore', 'inherit', 'inherit', 'ipc'] : 'pipe',
      env: { ...process.env, ...options.env },
    })
    this.child.once('spawn', () => this.emit('spawn'))
    this.child.on('message', (message) => this.emit('message', message))
    this.child.once('exit', (code, signal) => {
      this.exited = true
      // Electron reports only a code; a signal shows as the shell's 128 + n.
      this.emit('exit', code ?? (signal ? 128 + signalNumber(signal) : 1))
    })
  }

  get pid(): number | undefined {
    return this.exited ? undefined : this.child.pid
  }

  postMessage(message: unknown): void {
    if (this.child.connected) this.child.send(message as object)
  }

  kill(): boolean {
    return this.child.kill()
  }
}

function signalNumber(signal: NodeJS.Signals): number {
  return constants.signals[signal]
}

/** `utilityProcess.fork`, recording every child so a test can kill one and count survivors. */
export function standInUtilityProcess(children: StandInUtilityProcess[]) {
  return {
    fork(modulePath: string, args?: string[], options?: Electron.ForkOptions) {
      const child = new StandInUtilityProcess(modulePath, args ?? [], options)
      children.push(child)
      return child as unknown as Electron.UtilityProcess
    },
  } satisfies Pick<typeof Electron.utilityProcess, 'fork'>
}
