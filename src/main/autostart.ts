/** Launch at login: the command to start and, on Linux, the XDG autostart entry that runs it. */

/** The command line that starts this copy of Clipwise (AppImage, packaged binary, or dev run). */
export function launchCommand(options: {
  execPath: string
  isPackaged: boolean
  appPath: string
  appImage?: string
}): string[] {
  if (options.appImage) return [options.appImage]
  if (options.isPackaged) return [options.execPath]
  return [options.execPath, options.appPath]
}

// Desktop Entry spec, "The Exec key": reserved characters force quoting; inside quotes `"`, `` ` ``,
// `$` and `\` are escaped with a backslash, and `%` is doubled.
function quoteExecArgument(arg: string): string {
  const escapedPercent = arg.replace(/%/g, '%%')
  if (!/[\s"'\\><~|&;$*?#()`]/.test(arg)) return escapedPercent
  return `"${escapedPercent.replace(/(["`$\\])/g, '\\$1')}"`
}

/** A `~/.config/autostart/*.desktop` entry that starts Clipwise hidden in the tray at login. */
export function autostartDesktopEntry(command: readonly string[], name = 'Clipwise'): string {
  const clean = (value: string) => value.replace(/[\r\n]/g, ' ')
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${clean(name)}`,
    'Comment=Reuse or save the code you copy',
    `Exec=${command.map((arg) => quoteExecArgument(clean(arg))).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    'NoDisplay=true',
    '',
  ].join('\n')
}

/** Where the autostart entry lives (`$XDG_CONFIG_HOME/autostart`, else `~/.config/autostart`). */
export function autostartEntryPath(
  env: { XDG_CONFIG_HOME?: string; HOME?: string },
  fileName = 'clipwise.desktop',
): string {
  const base = env.XDG_CONFIG_HOME || `${env.HOME ?? ''}/.config`
  return `${base}/autostart/${fileName}`
}
