import { statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { scheduleCheckpoints } from './checkpoints'
import { startConnector, type RunningConnector } from './start-connector'
import { fragmentSeed } from './test-support/seeds'
import { tempDir } from './test-support/temp-dir'

describe('checkpoint schedule', () => {
  function setup() {
    let clock = 0
    const calls: string[] = []
    const store = {
      manualCheckpoints: () => calls.push('manual'),
      checkpoint: (mode: string) => calls.push(mode),
    }
    const schedule = scheduleCheckpoints(store, {
      idleMs: 1_000,
      maxDelayMs: 30_000,
      tickMs: 60_000,
      now: () => clock,
    })
    const at = (ms: number) => {
      clock = ms
      schedule.tick()
    }
    return { schedule, calls, at, write: (ms: number) => ((clock = ms), schedule.wrote()) }
  }

  it('takes checkpointing over from SQLite and checkpoints once the connector is quiet', () => {
    const { schedule, calls, at, write } = setup()
    expect(calls).toEqual(['manual'])
    at(5_000)
    expect(calls).toEqual(['manual']) // nothing written, nothing to do
    write(10_000)
    at(10_500)
    expect(calls).toEqual(['manual']) // a request may follow at once: wait
    at(11_000)
    expect(calls).toEqual(['manual', 'TRUNCATE'])
    at(20_000)
    expect(calls).toEqual(['manual', 'TRUNCATE'])
    schedule.stop()
  })

  it('under unbroken traffic, checkpoints at the latest maxDelayMs after the first write', () => {
    const { schedule, calls, at, write } = setup()
    for (let t = 0; t <= 31_000; t += 500) {
      write(t)
      at(t + 1)
    }
    expect(calls).toEqual(['manual', 'PASSIVE'])
    schedule.stop()
  })
})

describe('the connector and its write-ahead log', () => {
  let running: RunningConnector | undefined
  let dir: ReturnType<typeof tempDir> | undefined
  afterEach(async () => {
    await running?.close()
    dir?.remove()
  })

  it('empties the log between requests, not during them, and keeps every save', async () => {
    dir = tempDir()
    const start = () =>
      startConnector({
        port: 0,
        dataDir: dir?.path ?? '',
        logger: false,
        checkpoints: { idleMs: 100, tickMs: 20 },
      })
    running = await start()
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${running?.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      expect(response.status).toBe(200)
      return response.text()
    }
    const context = JSON.parse(
      await post('/connect', {
        application: { name: 'OPEN_SOURCE', version: '1', platform: 'LINUX' },
      }),
    ) as { application: { id: string } }
    const ids: string[] = []
    for (let i = 0; i < 20; i++) {
      const seed = fragmentSeed(`export const answer${i} = (x: number) => x * ${i} + 42\n`)
      ids.push(await post(`/${context.application.id}/reaction`, { save: true, seed }))
    }
    const wal = join(dir.path, 'clipwise.sqlite-wal')
    expect(statSync(wal).size).toBeGreaterThan(0)
    await expect.poll(() => statSync(wal).size, { timeout: 3_000 }).toBe(0)
    await running.close()
    running = await start()
    const listed = (await (await fetch(`${running.url}/assets`)).json()) as {
      iterable: { id: string }[]
    }
    expect(listed.iterable.map((a) => a.id).sort()).toEqual([...ids].sort())
  })
})
