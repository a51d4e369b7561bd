import { execFileSync } from 'node:child_process'
import { accessSync, constants, existsSync, readdirSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface OlderNode {
  path: string
  version: string
}

/** `engines.node` of package.json as `[major, minor]` (">=22.13"). */
export function requiredNode(): [number, number] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    engines: { node: string }
  }
  const [, major = '0', minor = '0'] = /(\d+)\.(\d+)/.exec(manifest.engines.node) ?? []
  return [Number(major), Number(minor)]
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Every `node` this machine has where a person would find one: PATH, system folders, nvm. */
function candidates(): string[] {
  const names = process.platform === 'win32' ? ['node.exe'] : ['node']
  const dirs = [
    ...(process.env.PATH ?? '').split(delimiter),
    '/usr/bin',
    '/usr/local/bin',
    '/opt/homebrew/bin',
  ]
  const nvm = join(homedir(), '.nvm', 'versions', 'node')
  if (existsSync(nvm)) for (const version of readdirSync(nvm)) dirs.push(join(nvm, version, 'bin'))
  const found = dirs.flatMap((dir) => names.map((name) => join(dir, name)))
  return [...new Set(found)].filter((path) => path && existsSync(path) && executable(path))
}

function versionOf(path: string): string | undefined {
  try {
    return execFileSync(path, ['-p', 'process.versions.node'], {
      encoding: 'utf8',
      timeout: 10_000,
    }).trim()
  } catch {
    return undefined
  }
}

/** A Node.js older than package.json allows, or undefined where this machine has none. */
export function findOlderNode(): OlderNode | undefined {
  const [major, minor] = requiredNode()
  for (const path of candidates()) {
    const version = versionOf(path)
    if (!version) continue
    const [a = 0, b = 0] = version.split('.').map(Number)
    if (a < major || (a === major && b < minor)) return { path, version }
  }
  return undefined
}
