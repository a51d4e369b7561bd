import { afterEach, describe, expect, it } from 'vitest'
import { startConnector, type RunningConnector } from './start-connector'
import { DataDirLockedError } from './storage'
import { fragmentSeed } from './test-support/seeds'
import { spawnConnector, waitForUrl, type ConnectorProcess } from './test-support/spawn-connector'
import { tempDir } from './test-support/temp-dir'

// Starting, stopping, restarting and crashing the connector on one data folder.

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function folder(): string {
  const dir = tempDir()
  cleanups.push(dir.remove)
  return dir.path
}

function track(proc: ConnectorProcess): ConnectorProcess {
  cleanups.push(async () => {
    if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGKILL')
    await proc.exited
  })
  return proc
}

async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

async function connectApp(base: string): Promise<string> {
  const response = await postJson(`${base}/connect`, {
    application: { name: 'OPEN_SOURCE', version: '1.0.0', platform: 'LINUX' },
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { application: { id: string } }).application.id
}

async function save(base: string, appId: string, text: string): Promise<string> {
  const response = await postJson(`${base}/${appId}/reaction`, {
    save: true,
    seed: fragmentSeed(text),
  })
  expect(response.status).toBe(200)
  return response.text()
}

describe('restart on the same data folder', () => {
  it('keeps assets and the os id; the old application id answers 401 until it connects', async () => {
    const dataDir = folder()
    let connector: RunningConnector = await startConnector({ port: 0, dataDir })
    const appId = await connectApp(connector.url)
    const osId = (
      (await (
        await postJson(`${connector.url}/connect`, {
          application: { name: 'OPEN_SOURCE', version: '1.0.0', platform: 'LINUX' },
        })
      ).json()) as { os: string }
    ).os
    const id = await save(
      connector.url,
      appId,
      'const answer = compute(42);\nexport default answer;',
    )
    await connector.close()

    connector = await startConnector({ port: 0, dataDir })
    cleanups.push(() => connector.close())
    expect((await fetch(`${connector.url}/assets/${id}`)).status).toBe(200)
    const before = await postJson(`${connector.url}/${appId}/suggestion`, fragmentSeed('x = 1'))
    expect(before.status).toBe(401)
    expect(await connectApp(connector.url)).toBe(appId)
    const after = await postJson(
      `${connector.url}/${appId}/suggestion`,
      fragmentSeed('const answer = compute(42);\nexport default answer;'),
    )
    const suggestion = (await after.json()) as {
      reuse: { suggested: boolean; assets: { iterable: { id: string }[] } }
    }
    expect(suggestion.reuse.suggested).toBe(true)
    expect(suggestion.reuse.assets.iterable[0]?.id).toBe(id)
    const context = (await (
      await postJson(`${connector.url}/connect`, {
        application: { name: 'OPEN_SOURCE', version: '2.0.0', platform: 'LINUX' },
      })
    ).json()) as { os: string; application: { id: string; version: string } }
    expect(context.os).toBe(osId)
    expect(context.application).toMatchObject({ id: appId, version: '2.0.0' })
  })

  it('refuses a folder that a running connector in this process holds', async () => {
    const dataDir = folder()
    const first = await startConnector({ port: 0, dataDir })
    cleanups.push(() => first.close())
    await expect(startConnector({ port: 0, dataDir })).rejects.toBeInstanceOf(DataDirLockedError)
    expect((await fetch(`${first.url}/.well-known/health`)).status).toBe(200)
  })
})

describe('the connector command', () => {
  it('prints exactly one listening line and exits 0 on SIGTERM', async () => {
    const proc = track(spawnConnector(folder()))
    const url = await waitForUrl(proc)
    expect((await fetch(`${url}/.well-known/health`)).status).toBe(200)
    proc.child.kill('SIGTERM')
    expect(await proc.exited).toEqual({ code: 0, signal: null })
    expect(proc.stdout()).toBe(`Clipwise connector listening on ${url}\n`)
    expect(proc.stderr()).toBe('')
  })

  it('exits 0 on SIGINT too', async () => {
    const proc = track(spawnConnector(folder()))
    await waitForUrl(proc)
    proc.child.kill('SIGINT')
    expect((await proc.exited).code).toBe(0)
  })

  it('refuses a second connector on the same folder with a clear message; the first keeps working', async () => {
    const dataDir = folder()
    const first = track(spawnConnector(dataDir))
    const url = await waitForUrl(first)
    const second = track(spawnConnector(dataDir))
    const { code } = await second.exited
    expect(code).toBe(3)
    expect(second.stdout()).toBe('')
    expect(second.stderr()).toContain(
      `The data folder ${dataDir} is in use by another Clipwise connector (process ${first.child.pid}).`,
    )
    const appId = await connectApp(url)
    expect(await save(url, appId, 'SELECT 1 FROM dual WHERE 1 = 1;')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('keeps every acknowledged save after kill -9 mid-stream', async () => {
    const dataDir = folder()
    const proc = track(spawnConnector(dataDir))
    const url = await waitForUrl(proc)
    const appId = await connectApp(url)
    const acknowledged: string[] = []
    let n = 0
    const writer = async () => {
      for (;;) {
        const i = n++
        try {
          acknowledged.push(
            await save(url, appId, `function f${i}(a, b) {\n  return a * ${i} + b;\n}`),
          )
        } catch {
          return // the process died under this request
        }
      }
    }
    let writing = true
    const writers = Promise.all([writer(), writer(), writer(), writer()]).finally(
      () => (writing = false),
    )
    while (writing && acknowledged.length < 40) await new Promise((r) => setTimeout(r, 5))
    proc.child.kill('SIGKILL')
    await writers
    expect((await proc.exited).signal).toBe('SIGKILL')

    const restarted = await startConnector({ port: 0, dataDir })
    cleanups.push(() => restarted.close())
    const listed = (await (await fetch(`${restarted.url}/assets`)).json()) as {
      iterable: { id: string }[]
    }
    const present = new Set(listed.iterable.map((a) => a.id))
    expect(acknowledged.length).toBeGreaterThanOrEqual(40)
    expect(acknowledged.filter((id) => !present.has(id))).toEqual([])
  })
})
