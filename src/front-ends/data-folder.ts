import envPaths from 'env-paths'

/** Clipwise's data folder, the same for the tray app and the CLI (one library, one settings file,
 * one save queue): `CLIPWISE_DATA_DIR` when set, else the platform's user-data folder. */
export function clipwiseDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CLIPWISE_DATA_DIR || envPaths('Clipwise', { suffix: '' }).data
}
