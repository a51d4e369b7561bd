import { execFileSync } from 'node:child_process'
import { existsSync, realpathSync } from 'node:fs'
import { TRAY_WINDOW_SIZE } from '../../src/shared/window-size'

/**
 * Debian's Chromium (never a browser downloaded by Playwright), or undefined when absent.
 * `CHROMIUM_PATH` names another one; set empty (or to a missing file) it means "none".
 */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv !== undefined) return fromEnv && existsSync(fromEnv) ? fromEnv : undefined
  try {
    const found = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim()
    return found ? realpathSync(found) : undefined
  } catch {
    return undefined
  }
}

export const NO_CHROMIUM = 'Chromium is not installed: `apt-get install -y chromium` (Debian).'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** The tray window's real size (src/main creates it at this size). */
export const WINDOW_SIZE = { ...TRAY_WINDOW_SIZE }
