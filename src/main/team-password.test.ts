import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../connector/server/test-support/temp-dir'
import { createTeamPasswordStore, type SafeStorageLike } from './team-password'

// A stand-in keychain that really transforms the bytes (XOR), so clear text on disk would show.
const keychain = (available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (text) => Buffer.from([...Buffer.from(text)].map((b) => b ^ 0x5a)),
  decryptString: (data) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString(),
})

const dirs: { remove(): void }[] = []
afterEach(() => dirs.splice(0).forEach((d) => d.remove()))

describe('team library password', () => {
  it('is stored encrypted, readable only by the user, and never in clear in the data folder', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const store = createTeamPasswordStore(dir.path, keychain())
    await store.save('s3cret-team-pw')
    expect(await store.load()).toBe('s3cret-team-pw')
    for (const file of readdirSync(dir.path)) {
      expect(readFileSync(join(dir.path, file), 'latin1')).not.toContain('s3cret-team-pw')
      expect(statSync(join(dir.path, file)).mode & 0o077).toBe(0)
    }
    await store.save('')
    expect(await store.load()).toBeUndefined()
  })

  it('refuses to store a password where no keychain can encrypt it', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const store = createTeamPasswordStore(dir.path, keychain(false))
    await expect(store.save('pw')).rejects.toThrow(/PGPASSWORD/)
    expect(readdirSync(dir.path)).toEqual([])
  })
})
