import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A small tmpfs the test mounts itself (a real full or read-only disk), or why it cannot. */
export interface Tmpfs {
  path: string
  readOnly(): void
  unmount(): void
}

/** Mounts a tmpfs of `sizeKiB` (needs root and mount rights); the reason when that fails. */
export function mountTmpfs(sizeKiB: number): Tmpfs | string {
  const path = mkdtempSync(join(tmpdir(), 'clipwise-tmpfs-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k,mode=0700`, 'tmpfs', path], {
      stdio: 'pipe',
    })
  } catch (error) {
    rmSync(path, { recursive: true, force: true })
    return `cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]})`
  }
  return {
    path,
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', path], { stdio: 'pipe' }),
    unmount: () => {
      execFileSync('umount', ['-l', path], { stdio: 'pipe' })
      rmSync(path, { recursive: true, force: true })
    },
  }
}

/** Whether this machine lets the tests mount a tmpfs (checked once, unmounted at once). */
export function tmpfsUnavailable(): string | undefined {
  const probe = mountTmpfs(64)
  if (typeof probe === 'string') return probe
  probe.unmount()
  return undefined
}
