import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../test-support/temp-dir'
import { DATABASE_FILE, HOLDER_FILE, openStore } from './open-store'

const mode = (path: string) => statSync(path).mode & 0o777
const posix = process.platform !== 'win32'

describe.skipIf(!posix)('the data folder is its user’s alone (POSIX permissions)', () => {
  it('is created 0700 with every file 0600, the database log files included', () => {
    const root = tempDir()
    const dir = join(root.path, 'nested', 'clipwise')
    const store = openStore(dir)
    const app = store.upsertApplication(
      { name: 'VS_CODE', version: '1', platform: 'LINUX' },
      new Date(),
    )
    expect(app.id).toBeTruthy()
    try {
      expect(mode(dir)).toBe(0o700)
      // In EXCLUSIVE locking mode SQLite keeps the WAL index in memory: there is no -shm file.
      const files = readdirSync(dir).sort()
      expect(files).toEqual([DATABASE_FILE, `${DATABASE_FILE}-wal`, HOLDER_FILE].sort())
      for (const file of files) expect([file, mode(join(dir, file))]).toEqual([file, 0o600])
    } finally {
      store.close()
      root.remove()
    }
  })

  it('narrows a folder found wider, and the files in it, at start', () => {
    const root = tempDir()
    const dir = join(root.path, 'clipwise')
    mkdirSync(dir)
    chmodSync(dir, 0o755)
    writeFileSync(join(dir, 'settings.json'), '{}')
    chmodSync(join(dir, 'settings.json'), 0o644)
    openStore(dir).close()
    chmodSync(join(dir, DATABASE_FILE), 0o666)
    chmodSync(dir, 0o777)
    const store = openStore(dir)
    try {
      expect(mode(dir)).toBe(0o700)
      expect(mode(join(dir, 'settings.json'))).toBe(0o600)
      expect(mode(join(dir, DATABASE_FILE))).toBe(0o600)
    } finally {
      store.close()
      root.remove()
    }
  })
})
