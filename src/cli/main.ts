// `clipwise <command> [options]`: one dispatcher. Each command lives in its own file, declared with
// `defineCommand` (which parses its options and answers its -h/--help), and is loaded only when
// asked for.
import packageJson from '../../package.json'
import { DATA_HELP } from './cli-options'
import type { CliCommand } from './command'

interface Entry {
  /** One line for `clipwise --help`. */
  summary: string
  load: () => Promise<CliCommand>
}

const COMMANDS: Record<string, Entry> = {
  watch: {
    summary: 'watch the clipboard and print a suggestion for each copy (keys r, s, d act on it)',
    load: async () => (await import('./watch-command')).watchCommand,
  },
  save: {
    summary: 'save the current clipboard as a snippet and print its id',
    load: async () => (await import('./save-command')).saveCommand,
  },
  connector: {
    summary: "run Clipwise's embedded connector (the Pieces OS Connector API) until stopped",
    load: async () => (await import('./connector-command')).connectorCommand,
  },
  export: {
    summary: 'write the library as JSON, Markdown files or VS Code snippets',
    load: async () => (await import('./library-command')).exportCommand,
  },
  import: {
    summary: 'save the snippets of a JSON export, a Markdown file or a folder of them',
    load: async () => (await import('./library-command')).importCommand,
  },
}

const HELP = `Clipwise ${packageJson.version}: reuse or save the code you copy, from a terminal.

Usage: clipwise <command> [options]
       clipwise <command> --help    the command's options
       clipwise --version           the version

Commands:
${Object.entries(COMMANDS)
  .map(([name, { summary }]) => `  ${name.padEnd(11)}${summary}`)
  .join('\n')}

Options most commands take:
${DATA_HELP}
The connector is --connector URL, else the URL in settings, else a Pieces OS on this computer,
else Clipwise's own connector (the one already running for the data folder, or one started for
the command).
`

/** Runs the command named by the first argument and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? args[0] : undefined
    const entry = topic === undefined ? undefined : COMMANDS[topic]
    if (topic !== undefined && !entry) return unknownCommand(topic)
    process.stdout.write(entry ? (await entry.load()).help : HELP)
    return 0
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`clipwise ${packageJson.version}\n`)
    return 0
  }
  if (name === undefined) {
    process.stderr.write(HELP)
    return 2
  }
  const entry = COMMANDS[name]
  if (!entry) return unknownCommand(name)
  return (await entry.load()).run(args)
}

function unknownCommand(name: string): number {
  const what = name.startsWith('-') ? 'option' : 'command'
  process.stderr.write(
    `Unknown ${what} "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}; "clipwise --help" says more.\n`,
  )
  return 2
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
