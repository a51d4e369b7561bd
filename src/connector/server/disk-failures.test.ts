import { randomBytes } from 'node:crypto'
import { openSync, readFileSync, writeFileSync, writeSync, closeSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startConnector } from './start-connector'
import { DATABASE_FILE, openStore, StoreOpenError } from './storage'
import { fragmentSeed, PYTHON_SNIPPET } from './test-support/seeds'
import { jsonPoster } from './test-support/post-json'
import { tempDir } from './test-support/temp-dir'
import { mountTmpfs, tmpfsUnavailable, type Tmpfs } from './test-support/tmpfs'

// Bad disks get a sentence that names the file and the cause, and lose nothing: a corrupt or
// read-only library is left byte for byte as it was, a full disk answers 507 and keeps what was
// saved before. Full and read-only disks are real: a small tmpfs the test mounts.

const noTmpfs = tmpfsUnavailable()
const mounted: Tmpfs[] = []
afterEach(() => {
  for (const m of mounted.splice(0)) m.unmount()
})

function openError(dir: string): StoreOpenError {
  try {
    openStore(dir).close()
  } catch (error) {
    if (error instanceof StoreOpenError) return error
    throw error
  }
  throw new Error('the store opened')
}

describe('a library that cannot be opened', () => {
  it('corrupt: names the file and the cause, and leaves the file as it was', () => {
    const dir = tempDir()
    const file = join(dir.path, DATABASE_FILE)
    const garbage = randomBytes(8192)
    writeFileSync(file, garbage)
    const error = openError(dir.path)
    expect(error.message).toContain(file)
    expect(error.message).toMatch(/not a readable SQLite database/)
    expect(readFileSync(file).equals(garbage)).toBe(true)
    dir.remove()
  })

  it.skipIf(noTmpfs !== undefined)(
    `read-only: names the file and the cause, and leaves it as it was${noTmpfs ? ` (skipped: ${noTmpfs})` : ''}`,
    () => {
      const disk = mountTmpfs(4096) as Tmpfs
      mounted.push(disk)
      const store = openStore(disk.path)
      store.upsertApplication({ name: 'VS_CODE', version: '1', platform: 'LINUX' }, new Date())
      store.close()
      const file = join(disk.path, DATABASE_FILE)
      const before = readFileSync(file)
      disk.readOnly()
      const error = openError(disk.path)
      expect(error.message).toContain(file)
      expect(error.message).toMatch(/read-only/)
      expect(readFileSync(file).equals(before)).toBe(true)
    },
  )
})

describe('a full disk', () => {
  it.skipIf(noTmpfs !== undefined)(
    `answers 507 "the disk is full" and keeps earlier saves${noTmpfs ? ` (skipped: ${noTmpfs})` : ''}`,
    async () => {
      const disk = mountTmpfs(2048) as Tmpfs
      mounted.push(disk)
      const connector = await startConnector({ port: 0, dataDir: disk.path })
      try {
        const post = jsonPoster(() => connector.url)
        const ctx = await (
          await post('/connect', {
            application: { name: 'OPEN_SOURCE', version: '1', platform: 'LINUX' },
          })
        ).json()
        const app = (ctx as { application: { id: string } }).application.id
        const first = await post(`/${app}/reaction`, {
          save: true,
          seed: fragmentSeed(PYTHON_SNIPPET, 'py'),
        })
        expect(first.status).toBe(200)
        const keptId = await first.text()
        // Fill the rest of the disk.
        const filler = join(disk.path, 'filler')
        const fd = openSync(filler, 'w')
        try {
          for (;;) writeSync(fd, Buffer.alloc(64 * 1024, 1))
        } catch {
          // ENOSPC: the disk is full.
        } finally {
          closeSync(fd)
        }
        const big = Array.from(
          { length: 4000 },
          (_, i) => `value_${i} = compute(${i}) + ${i * 7}`,
        ).join('\n')
        const full = await post(`/${app}/reaction`, { save: true, seed: fragmentSeed(big, 'py') })
        expect(full.status).toBe(507)
        expect(await full.text()).toMatch(/^The disk is full/)
        rmSync(filler)
        const list = await (await fetch(`${connector.url}/assets`)).json()
        expect((list as { iterable: { id: string }[] }).iterable.map((a) => a.id)).toEqual([keptId])
        const again = await post(`/${app}/reaction`, { save: true, seed: fragmentSeed(big, 'py') })
        expect(again.status).toBe(200)
      } finally {
        await connector.close()
      }
    },
  )
})
