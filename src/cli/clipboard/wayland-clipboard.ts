import { spawn } from 'node:child_process'
import type { ClipboardPort } from '../../core'
import { runProcess } from './run-process'

/** Wayland: `wl-paste --watch` pushes a line per change; content is read with `wl-paste`. */
export function createWaylandClipboard(env: NodeJS.ProcessEnv = process.env): ClipboardPort & {
  close(): void
} {
  const watchers = new Set<() => void>()
  const paste = async (args: string[]) => {
    const result = await runProcess('wl-paste', args, { env })
    return result.code === 0 ? result.stdout.toString('utf8') : undefined
  }
  let count = 0
  return {
    async changeToken() {
      return count
    },
    watch(onChange) {
      // `echo` runs once per clipboard change; its line is our event.
      const child = spawn('wl-paste', ['--watch', 'echo', 'changed'], {
        env,
        stdio: ['ignore', 'pipe', 'ignore'],
      })
      child.stdout.on('data', () => {
        count++
        onChange()
      })
      const stop = () => child.kill()
      watchers.add(stop)
      return () => {
        watchers.delete(stop)
        stop()
      }
    },
    async formats() {
      const types = await paste(['--list-types'])
      return types ? types.split('\n').filter((line) => line.length > 0) : []
    },
    readFormat: (format) => paste(['--no-newline', '--type', format]),
    readText: () => paste(['--no-newline', '--type', 'text']),
    async writeText(text) {
      await runProcess('wl-copy', [], { env, input: text, ignoreOutput: true })
    },
    readPrimaryText: () => paste(['--no-newline', '--primary', '--type', 'text']),
    close() {
      for (const stop of watchers) stop()
    },
  }
}
