import { hashString } from './hash'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
/** Exact hashes as the engine makes them: SHA-256 in base64url, 43 characters for 32 bytes. */
const HASH_CHARS = 43
const HASH_BYTES = 32
/** Slot kind bits: live, and whether its asset id and its exact hash are packed. */
const DEAD = 0
const LIVE = 1
const PACKED_ID = 2
const PACKED_HASH = 4

/** The four 32-bit words of a canonical (lower-case) UUID, or undefined for any other id. */
function uuidWords(id: string): [number, number, number, number] | undefined {
  if (id.length !== 36 || !UUID.test(id)) return undefined
  return [
    parseInt(id.slice(0, 8), 16),
    parseInt(id.slice(9, 13) + id.slice(14, 18), 16),
    parseInt(id.slice(19, 23) + id.slice(24, 28), 16),
    parseInt(id.slice(28, 36), 16),
  ]
}

const hex8 = (word: number): string => (word >>> 0).toString(16).padStart(8, '0')

/** The 32 bytes of an exact hash in the engine's own form, or undefined for any other string. */
function hashBytes(hash: string): Buffer | undefined {
  if (hash.length !== HASH_CHARS) return undefined
  const bytes = Buffer.from(hash, 'base64url')
  return bytes.length === HASH_BYTES && bytes.toString('base64url') === hash ? bytes : undefined
}

/**
 * The index's slots: each one's asset id, exact hash and anchor count, and lookups by id and by
 * exact hash, in typed arrays with open addressing. Arrays of strings and two `Map`s keyed by
 * them cost ~580 bytes a snippet on the JS heap; here a random UUID takes 16 bytes, a SHA-256
 * 32, and each lookup table 4-8. Ids and hashes of another form are kept as strings (tests use
 * names such as `pair-1`). Slots are append-only: a removed one is marked dead and never reused.
 */
export function createSlotTable() {
  let capacity = 1024
  let count = 0
  let kinds = new Uint8Array(capacity)
  let idWords = new Uint32Array(capacity * 4)
  let hashes = new Uint8Array(capacity * HASH_BYTES)
  let sizes = new Uint32Array(capacity)
  const otherIds = new Map<number, string>()
  const otherHashes = new Map<number, string>()
  // Open addressing, linear probing: slot + 1, 0 for empty. Never deleted from (a dead slot is
  // skipped by the lookups), so equal hashes are met in the order filed, oldest first.
  let byId = new Int32Array(2048)
  let byHash = new Int32Array(2048)

  const grow = (): void => {
    capacity = Math.ceil(capacity * 1.5)
    const copy = <T extends Uint8Array | Uint32Array>(from: T, to: T): T => (to.set(from), to)
    kinds = copy(kinds, new Uint8Array(capacity))
    idWords = copy(idWords, new Uint32Array(capacity * 4))
    hashes = copy(hashes, new Uint8Array(capacity * HASH_BYTES))
    sizes = copy(sizes, new Uint32Array(capacity))
  }
  const file = (table: Int32Array, home: number, slot: number): void => {
    const mask = table.length - 1
    let at = home & mask
    while ((table[at] ?? 0) !== 0) at = (at + 1) & mask
    table[at] = slot + 1
  }
  const idOf = (slot: number): string => {
    if (((kinds[slot] ?? 0) & PACKED_ID) === 0) return otherIds.get(slot) ?? ''
    const w = idWords.subarray(slot * 4, slot * 4 + 4)
    const [a = 0, b = 0, c = 0, d = 0] = w
    const bh = hex8(b)
    const ch = hex8(c)
    return `${hex8(a)}-${bh.slice(0, 4)}-${bh.slice(4)}-${ch.slice(0, 4)}-${ch.slice(4)}${hex8(d)}`
  }
  const rehash = (): void => {
    byId = new Int32Array(byId.length * 2)
    byHash = new Int32Array(byHash.length * 2)
    for (let slot = 0; slot < count; slot++) {
      if (kinds[slot] === DEAD) continue
      file(byId, hashString(idOf(slot)), slot)
      file(byHash, hashString(hashOf(slot)), slot)
    }
  }
  const hashOf = (slot: number): string =>
    ((kinds[slot] ?? 0) & PACKED_HASH) === 0
      ? (otherHashes.get(slot) ?? '')
      : Buffer.from(hashes.buffer, hashes.byteOffset + slot * HASH_BYTES, HASH_BYTES).toString(
          'base64url',
        )

  return {
    /** Slots filed, dead ones included. */
    get length(): number {
      return count
    },
    /** Bytes held by the typed arrays (strings of other forms not counted). */
    get bytes(): number {
      const arrays = [kinds, idWords, hashes, sizes, byId, byHash]
      return arrays.reduce((sum, a) => sum + a.byteLength, 0)
    },
    /** Files a live asset in a new slot and returns the slot. */
    push(assetId: string, exactHash: string, size: number): number {
      if (count === capacity) grow()
      if ((count + 1) * 2 > byId.length) rehash()
      const slot = count++
      let kind = LIVE
      const words = uuidWords(assetId)
      if (words) {
        idWords.set(words, slot * 4)
        kind |= PACKED_ID
      } else otherIds.set(slot, assetId)
      const bytes = hashBytes(exactHash)
      if (bytes) {
        hashes.set(bytes, slot * HASH_BYTES)
        kind |= PACKED_HASH
      } else otherHashes.set(slot, exactHash)
      kinds[slot] = kind
      sizes[slot] = size
      file(byId, hashString(assetId), slot)
      file(byHash, hashString(exactHash), slot)
      return slot
    },
    /** The live slot of an asset, or -1. */
    slotOf(assetId: string): number {
      const words = uuidWords(assetId)
      const mask = byId.length - 1
      for (let at = hashString(assetId) & mask; ; at = (at + 1) & mask) {
        const slot = (byId[at] ?? 0) - 1
        if (slot < 0) return -1
        const kind = kinds[slot] ?? DEAD
        if (kind === DEAD) continue
        const same =
          (kind & PACKED_ID) === 0
            ? otherIds.get(slot) === assetId
            : words !== undefined && words.every((w, i) => idWords[slot * 4 + i] === w)
        if (same) return slot
      }
    },
    /** Live slots filed under this exact hash, oldest first. */
    withHash(exactHash: string): number[] {
      const out: number[] = []
      const bytes = hashBytes(exactHash)
      const mask = byHash.length - 1
      for (let at = hashString(exactHash) & mask; ; at = (at + 1) & mask) {
        const slot = (byHash[at] ?? 0) - 1
        if (slot < 0) return out
        const kind = kinds[slot] ?? DEAD
        if (kind === DEAD) continue
        const same =
          (kind & PACKED_HASH) === 0
            ? otherHashes.get(slot) === exactHash
            : bytes !== undefined &&
              bytes.equals(hashes.subarray(slot * HASH_BYTES, (slot + 1) * HASH_BYTES))
        if (same) out.push(slot)
      }
    },
    /** Marks a slot dead: it is never returned again. */
    kill(slot: number): void {
      kinds[slot] = DEAD
      otherIds.delete(slot)
      otherHashes.delete(slot)
    },
    /** Whether a slot still holds an asset. */
    live(slot: number): boolean {
      return (kinds[slot] ?? DEAD) !== DEAD
    },
    /** The asset id of a live slot, undefined for a dead one. */
    idAt(slot: number): string | undefined {
      return (kinds[slot] ?? DEAD) === DEAD ? undefined : idOf(slot)
    },
    /** Anchors of the slot's sketch (0 without one): the size that breaks candidate ties. */
    sizeAt(slot: number): number {
      return sizes[slot] ?? 0
    },
  }
}
