// `clipwise <command> [options]`: a small dispatcher; each command lives in its own file and is
// loaded only when asked for.

type Command = (args: string[]) => Promise<number>

const commands: Record<string, () => Promise<Command>> = {
  connector: async () => (await import('./connector-command')).runConnectorCommand,
  watch: async () => (await import('./watch-command')).runWatchCommand,
  save: async () => (await import('./save-command')).runSaveCommand,
  export: async () => (await import('./library-command')).runExportCommand,
  import: async () => (await import('./library-command')).runImportCommand,
}

/** Runs the command named by the first argument and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv
  const load = name === undefined ? undefined : commands[name]
  if (!load) {
    process.stderr.write(
      `Usage: clipwise <command> [options]\nCommands: ${Object.keys(commands).join(', ')}\n`,
    )
    return 2
  }
  return (await load())(args)
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
