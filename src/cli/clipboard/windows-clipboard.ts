import type { ClipboardPort } from '../../core'
import { runProcess } from './run-process'

const PS = ['-NoProfile', '-NonInteractive', '-Command']
// GetClipboardSequenceNumber is Windows' change counter: reading it never touches the content.
const SEQUENCE = `Add-Type -Namespace W -Name U -MemberDefinition '[DllImport("user32.dll")] public static extern uint GetClipboardSequenceNumber();'; [W.U]::GetClipboardSequenceNumber()`
const FORMATS = `Add-Type -AssemblyName System.Windows.Forms; [System.Windows.Forms.Clipboard]::GetDataObject().GetFormats() -join "\`n"`

/** Windows: PowerShell for the sequence number, formats, Get-Clipboard and Set-Clipboard. */
export function createWindowsClipboard(): ClipboardPort {
  const ps = async (command: string, input?: string) => {
    const result = await runProcess('powershell.exe', [...PS, command], {
      timeoutMs: 5000,
      ...(input !== undefined ? { input } : {}),
    })
    return result.code === 0 ? result.stdout.toString('utf8') : undefined
  }
  return {
    async changeToken() {
      return (await ps(SEQUENCE))?.trim()
    },
    async formats() {
      return (await ps(FORMATS))?.split(/\r?\n/).filter((f) => f.length > 0) ?? []
    },
    async readFormat(format) {
      return ps(
        `Add-Type -AssemblyName System.Windows.Forms; $d = [System.Windows.Forms.Clipboard]::GetData(${JSON.stringify(format)}); if ($d -is [System.IO.Stream]) { $r = New-Object System.IO.BinaryReader($d); [string]$r.ReadInt32() } else { [string]$d }`,
      )
    },
    async readText() {
      const text = await ps('Get-Clipboard -Raw')
      return text?.replace(/\r?\n$/, '')
    },
    async writeText(text) {
      await ps('$input | Set-Clipboard', text)
    },
  }
}
