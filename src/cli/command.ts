import { parseArgs, type ParseArgsOptionsConfig } from 'node:util'

/** A mistake in how a command was called: printed with a pointer to its help, exit code 2. */
export class UsageError extends Error {
  readonly code = 'CLI_USAGE'
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** The values `node:util` parseArgs gives for these options (plus `--help`). */
export type OptionValues<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>
>['values']

export interface CommandSpec<O extends ParseArgsOptionsConfig> {
  name: string
  /** What `clipwise <name> --help` prints: the usage lines and every option. */
  help: string
  options: O
  /** How many positional arguments the command takes (none unless set). */
  maxPositionals?: number
  /** Runs the command with parsed arguments; returns the exit code (UsageError → 2). */
  run(values: OptionValues<O>, positionals: string[]): Promise<number>
}

/** A subcommand as the dispatcher sees it: arguments in, exit code out. */
export interface CliCommand {
  name: string
  help: string
  run(args: string[]): Promise<number>
}

/**
 * Declares a subcommand. Parsing is the same for every one: node:util parseArgs (strict), `-h` and
 * `--help` print its help and exit 0, and a usage mistake is one line plus where to read the help.
 */
export function defineCommand<const O extends ParseArgsOptionsConfig>(
  spec: CommandSpec<O>,
): CliCommand {
  return {
    name: spec.name,
    help: spec.help,
    async run(args) {
      let parsed
      try {
        parsed = parseArgs({
          args,
          options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
          allowPositionals: true,
          strict: true,
        })
      } catch (error) {
        return usageFailure(spec.name, parseFailure(error as Error))
      }
      if ((parsed.values as { help?: boolean }).help === true) {
        process.stdout.write(spec.help)
        return 0
      }
      const extra = parsed.positionals[spec.maxPositionals ?? 0]
      if (extra !== undefined) return usageFailure(spec.name, `Unexpected argument "${extra}".`)
      try {
        return await spec.run(parsed.values as OptionValues<O>, parsed.positionals)
      } catch (error) {
        if (error instanceof UsageError) return usageFailure(spec.name, error.message)
        throw error
      }
    },
  }
}

/** parseArgs' message, without its advice on positionals that start with "-" (rarely the case). */
function parseFailure(error: Error): string {
  const unknown = /^Unknown option '([^']+)'/.exec(error.message)
  return unknown ? `Unknown option ${unknown[1]}.` : error.message
}

function usageFailure(name: string, message: string): number {
  process.stderr.write(`${message}\nRun "clipwise ${name} --help" for its options.\n`)
  return 2
}
