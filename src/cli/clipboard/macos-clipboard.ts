import type { ClipboardPort } from '../../core'
import { runProcess } from './run-process'

// NSPasteboard's changeCount is the cheapest change check macOS offers; one JXA call reads it
// together with the types, so the watcher polls a counter, never the content.
const CHANGE_COUNT = `ObjC.import('AppKit'); $.NSPasteboard.generalPasteboard.changeCount`
const TYPES = `ObjC.import('AppKit'); ObjC.deepUnwrap($.NSPasteboard.generalPasteboard.types).join('\\n')`

/** macOS: pbpaste/pbcopy for content, NSPasteboard (through osascript) for the change count and types. */
export function createMacClipboard(): ClipboardPort {
  const jxa = async (script: string) => {
    const result = await runProcess('osascript', ['-l', 'JavaScript', '-e', script])
    return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined
  }
  return {
    async changeToken() {
      return jxa(CHANGE_COUNT)
    },
    async formats() {
      return (await jxa(TYPES))?.split('\n').filter((type) => type.length > 0) ?? []
    },
    async readFormat(format) {
      return jxa(
        `ObjC.import('AppKit'); ObjC.unwrap($.NSPasteboard.generalPasteboard.stringForType(${JSON.stringify(format)})) || ''`,
      )
    },
    async readText() {
      const result = await runProcess('pbpaste', [])
      return result.code === 0 ? result.stdout.toString('utf8') : undefined
    },
    async writeText(text) {
      await runProcess('pbcopy', [], { input: text })
    },
  }
}
