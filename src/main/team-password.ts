import { chmod, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** The part of Electron's `safeStorage` used here (injected, so this is tested without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(text: string): Buffer
  decryptString(data: Buffer): string
}

const FILE = 'team-password.bin'

/**
 * The team library's password, encrypted by the system's keychain (safeStorage) in its own file
 * beside the settings: never in clear on disk, never in the settings file or the tray window.
 */
export function createTeamPasswordStore(dataDir: string, safeStorage: SafeStorageLike) {
  const path = join(dataDir, FILE)
  return {
    /** Stores the password (empty: removes it); refuses where no keychain can encrypt it. */
    async save(password: string): Promise<void> {
      if (password === '') {
        await rm(path, { force: true })
        return
      }
      if (!safeStorage.isEncryptionAvailable()) {
        throw new Error(
          'This system offers no keychain to encrypt the password; use PGPASSWORD or ~/.pgpass instead.',
        )
      }
      await writeFile(path, safeStorage.encryptString(password), { mode: 0o600 })
      await chmod(path, 0o600)
    },
    /** The stored password, or undefined when none is stored (or it cannot be decrypted). */
    async load(): Promise<string | undefined> {
      const data = await readFile(path).catch(() => undefined)
      if (!data || !safeStorage.isEncryptionAvailable()) return undefined
      try {
        return safeStorage.decryptString(data)
      } catch {
        return undefined
      }
    },
  }
}

export type TeamPasswordStore = ReturnType<typeof createTeamPasswordStore>
