import { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import type { FromConnector, ToConnector } from './connector-messages'

// The utility-process entry, run in plain Node with a stand-in for Electron's `process.parentPort`:
// it must start the real embedded connector on loopback, report its URL, and stop on request.
const dataDir = mkdtempSync(join(tmpdir(), 'clipwise-connector-process-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

class FakeParentPort extends EventEmitter {
  readonly sent: FromConnector[] = []
  postMessage(message: FromConnector) {
    this.sent.push(message)
    this.emit('sent', message)
  }
  deliver(message: ToConnector) {
    this.emit('message', { data: message, ports: [] })
  }
  next(): Promise<FromConnector> {
    return new Promise((resolve) => this.once('sent', resolve))
  }
}

describe('connector process', () => {
  it('starts the embedded connector, reports a loopback URL and stops on request', async () => {
    const port = new FakeParentPort()
    Object.assign(process, { parentPort: port })
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never)
    try {
      await import('./connector-process')
      const ready = port.next()
      port.deliver({ type: 'start', dataDir })
      const message = await ready
      expect(message.type).toBe('ready')
      const url = (message as { url: string }).url
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect((await fetch(`${url}/.well-known/health`)).status).toBe(200)

      const stopped = port.next()
      port.deliver({ type: 'stop' })
      expect(await stopped).toEqual({ type: 'stopped' })
      expect(exit).toHaveBeenCalledWith(0)
      await expect(fetch(`${url}/.well-known/health`)).rejects.toThrow()
    } finally {
      exit.mockRestore()
      Reflect.deleteProperty(process, 'parentPort')
    }
  })
})
