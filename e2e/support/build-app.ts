import { spawnSync } from 'node:child_process'

/** `electron-vite build` (main, preload, renderer), failing with the build's own words. */
export function buildApp(root: string): void {
  const result = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'error'], {
    cwd: root,
    encoding: 'utf8',
  })
  if (result.status !== 0) {
    throw new Error(
      `electron-vite build failed:\n${result.stdout}\n${result.stderr}`.slice(0, 4000),
    )
  }
}
