import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isHealthy } from '../connector/client'
import { startConnector } from '../connector/server'
import { ADVERTISEMENT_FILE, useOrStartEmbedded } from './embedded-advertisement'

// The advertisement the tray and the CLI share, with real embedded connectors.

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'clipwise-advert-'))
  dirs.push(dir)
  return dir
}
const startIn = (dataDir: string) => async () => {
  const running = await startConnector({ port: 0, dataDir })
  return { url: running.url, stop: () => running.close() }
}

describe('useOrStartEmbedded', () => {
  it('advertises the connector it starts, and a second front end uses that one', async () => {
    const dataDir = tempDir()
    const first = await useOrStartEmbedded(dataDir, startIn(join(dataDir, 'db')))
    const advertised = JSON.parse(readFileSync(join(dataDir, ADVERTISEMENT_FILE), 'utf8'))
    expect(advertised).toEqual({ url: first.url, pid: process.pid })
    const second = await useOrStartEmbedded(dataDir, () => Promise.reject(new Error('not needed')))
    expect(second.url).toBe(first.url)
    await second.stop() // not ours: the connector keeps running
    expect(await isHealthy(first.url, 500)).toBe(true)
    await first.stop()
    expect(await isHealthy(first.url, 500)).toBe(false)
  })

  it('stops the connector it started when the advertisement cannot be written', async () => {
    const dataDir = tempDir()
    // A folder where the file should go: the atomic rename onto it fails.
    mkdirSync(join(dataDir, ADVERTISEMENT_FILE, 'blocked'), { recursive: true })
    let url = ''
    const error = await useOrStartEmbedded(dataDir, async () => {
      const handle = await startIn(join(dataDir, 'db'))()
      url = handle.url
      return handle
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(/could not write .*its connector was stopped again/)
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(await isHealthy(url, 500)).toBe(false)
    // The data folder is free again: another connector can open it.
    const again = await startConnector({ port: 0, dataDir: join(dataDir, 'db') })
    await again.close()
  })
})
