import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { spawnConnector, waitForUrl } from '../connector/server/test-support/spawn-connector'
import { createTestCompanion } from '../core/test-support/test-companion'
import { ADVERTISEMENT_FILE, useOrStartEmbedded } from '../front-ends/embedded-advertisement'
import { startInProcessConnector } from './embedded-connector'

// `clipwise watch` composed as the CLI composes it (the advertised connector, else its own
// in-process one), with the advertised connector's process killed: the CLI finds another.

const SNIPPET = `fn parse_port(text: &str) -> Option<u16> {\n    text.trim().parse().ok()\n}\n`

const cleanups: (() => Promise<unknown> | unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

describe('the CLI when its connector stops answering', () => {
  it('rediscovers: starts its own connector, and the save asked meanwhile is made there', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clipwise-rediscover-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    // Another front end's connector (the tray's, say), advertised in the shared data folder.
    const other = spawnConnector(dataDir)
    cleanups.push(() => other.child.kill('SIGKILL'))
    const otherUrl = await waitForUrl(other, 45_000)
    writeFileSync(join(dataDir, ADVERTISEMENT_FILE), JSON.stringify({ url: otherUrl, pid: 1 }))

    const { companion, clipboard, state } = createTestCompanion({
      dataDir,
      startEmbeddedConnector: () =>
        useOrStartEmbedded(dataDir, () => startInProcessConnector(dataDir)),
    })
    cleanups.push(() => companion.stop())
    await companion.start()
    expect(state().connection).toMatchObject({ status: 'connected', target: { url: otherUrl } })

    other.child.kill('SIGKILL')
    await other.exited
    clipboard.copy(SNIPPET)
    expect((await companion.hotkeySave()).status).toBe('waiting')

    await vi.waitFor(
      () => expect(state().activity.map((entry) => entry.outcome)).toContain('saved-after-wait'),
      { timeout: 45_000 },
    )
    const ownUrl = state().connection.target?.url
    expect(state().connection.status).toBe('connected')
    expect(ownUrl).not.toBe(otherUrl)
    const assets = (await (await fetch(`${ownUrl}/assets`)).json()) as {
      iterable: { formats: { iterable: { fragment: { string: { raw: string } } }[] } }[]
    }
    expect(assets.iterable.map((a) => a.formats.iterable[0]?.fragment.string.raw)).toEqual([
      SNIPPET,
    ])
  }, 90_000) // a connector process (TypeScript through tsx) starts, then the CLI's own
})
