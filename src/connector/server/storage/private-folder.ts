import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  statSync,
} from 'node:fs'
import { join } from 'node:path'

const POSIX = process.platform !== 'win32'

/**
 * Creates the data folder readable by its owner only (0700), and narrows a folder found wider,
 * and the files in it, to 0700 and 0600: the library is its user's alone.
 */
export function makePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  if (!POSIX) return
  if ((statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700)
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(dir, entry.name)
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600)
  }
}

/** Creates an empty file readable by its owner only, unless it exists (left as it is). */
export function createPrivateFile(path: string): void {
  if (existsSync(path)) return
  closeSync(openSync(path, 'a', 0o600))
}
