interface KeyLike {
  code: string
  key: string
  ctrlKey: boolean
  altKey: boolean
  shiftKey: boolean
  metaKey: boolean
}

const NAMED: Record<string, string> = {
  Space: 'Space',
  Enter: 'Enter',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backslash: '\\',
  Backquote: '`',
}

function keyName(code: string): string | undefined {
  if (/^Key[A-Z]$/.test(code)) return code.slice(3)
  if (/^Digit[0-9]$/.test(code)) return code.slice(5)
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code
  return NAMED[code]
}

export type RecordResult =
  | { kind: 'incomplete' }
  | { kind: 'invalid'; reason: string }
  | { kind: 'accelerator'; accelerator: string }

/**
 * An Electron accelerator from a key press, e.g. `CommandOrControl+Shift+S`. The platform's
 * command key (⌘ on macOS, Ctrl elsewhere) becomes `CommandOrControl` so settings travel.
 */
export function acceleratorFromEvent(event: KeyLike, mac: boolean): RecordResult {
  const key = keyName(event.code)
  if (!key) return { kind: 'incomplete' } // a modifier alone, or a key we cannot name
  const parts: string[] = []
  const command = mac ? event.metaKey : event.ctrlKey
  if (command) parts.push('CommandOrControl')
  if (mac && event.ctrlKey) parts.push('Control')
  if (!mac && event.metaKey) parts.push('Super')
  if (event.altKey) parts.push('Alt')
  if (event.shiftKey) parts.push('Shift')
  const functionKey = /^F\d+$/.test(key)
  if (!functionKey && parts.every((part) => part === 'Shift')) {
    return { kind: 'invalid', reason: 'Add Ctrl, Alt or ⌘ so normal typing does not trigger it.' }
  }
  return { kind: 'accelerator', accelerator: [...parts, key].join('+') }
}
