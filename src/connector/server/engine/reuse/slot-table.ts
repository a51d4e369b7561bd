import { hashString, mixHash } from './hash'

/** Exact hashes as the engine makes them: SHA-256 in base64url, 43 characters for 32 bytes. */
const HASH_CHARS = 43
const HASH_BYTES = 32
/** Slot kind bits: live, and whether its asset id and its exact hash are packed. */
const DEAD = 0
const LIVE = 1
const PACKED_ID = 2
const PACKED_HASH = 4

// Ids and hashes are parsed from their characters into these scratch arrays (every add and
// lookup parses one of each; a regex, `parseInt` of slices and a base64url round trip through a
// `Buffer` made load 14% slower at 100,000 assets and left garbage for each).
const WORDS = new Uint32Array(4)
const BYTES = new Uint8Array(HASH_BYTES)

/** Value of a lower-case hex digit's code, or -1. */
const hexOf = (c: number): number =>
  c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1

/** Value of a base64url digit's code, or -1. */
function base64Of(c: number): number {
  if (c >= 65 && c <= 90) return c - 65
  if (c >= 97 && c <= 122) return c - 71
  if (c >= 48 && c <= 57) return c + 4
  return c === 45 ? 62 : c === 95 ? 63 : -1
}

/**
 * Whether `id` is a canonical (lower-case) UUID, its four 32-bit words then in `WORDS`: 8-4-4-4-12
 * hex digits, the dashes dropped.
 */
function uuidWords(id: string): boolean {
  if (id.length !== 36) return false
  let word = 0
  let digits = 0
  for (let i = 0; i < 36; i++) {
    const c = id.charCodeAt(i)
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false
      continue
    }
    const v = hexOf(c)
    if (v < 0) return false
    word = (word << 4) | v
    if (++digits % 8 === 0) WORDS[digits / 8 - 1] = word >>> 0
  }
  return true
}

const hex8 = (word: number): string => (word >>> 0).toString(16).padStart(8, '0')

/**
 * Whether `hash` is an exact hash in the engine's own form, its 32 bytes then in `BYTES`: 43
 * base64url digits, the last one's two low bits zero (the form `Buffer` writes them in, so that
 * the bytes give back the very string).
 */
function hashBytes(hash: string): boolean {
  if (hash.length !== HASH_CHARS) return false
  let bits = 0
  let held = 0
  let out = 0
  for (let i = 0; i < HASH_CHARS; i++) {
    const v = base64Of(hash.charCodeAt(i))
    if (v < 0) return false
    bits = ((bits << 6) | v) & 0xfff
    held += 6
    if (held >= 8) {
      held -= 8
      BYTES[out++] = (bits >>> held) & 0xff
    }
  }
  return (bits & ((1 << held) - 1)) === 0
}

/** Lookup key of a packed id: its four words mixed (no string to build when the table grows). */
function wordsKey(words: Uint32Array, at: number): number {
  let h = 0
  for (let i = at; i < at + 4; i++) h = mixHash(h, words[i] ?? 0)
  return h
}

/** Lookup key of a packed exact hash: its 32 bytes mixed four at a time. */
function bytesKey(bytes: Uint8Array, at: number): number {
  let h = 0
  for (let i = at; i < at + HASH_BYTES; i += 4)
    h = mixHash(
      h,
      (bytes[i] ?? 0) |
        ((bytes[i + 1] ?? 0) << 8) |
        ((bytes[i + 2] ?? 0) << 16) |
        ((bytes[i + 3] ?? 0) << 24),
    )
  return h
}

/** The lookup key of an id just parsed by `uuidWords` (`packed`: what it answered). */
const idKeyOf = (packed: boolean, id: string): number =>
  packed ? wordsKey(WORDS, 0) : hashString(id)

/** The lookup key of an exact hash just parsed by `hashBytes` (`packed`: what it answered). */
const hashKeyOf = (packed: boolean, hash: string): number =>
  packed ? bytesKey(BYTES, 0) : hashString(hash)

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
  /** Whether the slot's packed hash is the one in `BYTES`. */
  const sameBytes = (slot: number): boolean => {
    for (let i = 0, at = slot * HASH_BYTES; i < HASH_BYTES; i++, at++)
      if (hashes[at] !== BYTES[i]) return false
    return true
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
      const kind = kinds[slot] ?? 0
      // From the packed words and bytes: building every id's string to hash it again took 1.3 s
      // when the table grew past 524,288 slots (a pause in the middle of a team's first pull).
      file(byId, kind & PACKED_ID ? wordsKey(idWords, slot * 4) : hashString(idOf(slot)), slot)
      file(
        byHash,
        kind & PACKED_HASH ? bytesKey(hashes, slot * HASH_BYTES) : hashString(hashOf(slot)),
        slot,
      )
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
      const packedId = uuidWords(assetId)
      if (packedId) {
        idWords.set(WORDS, slot * 4)
        kind |= PACKED_ID
      } else otherIds.set(slot, assetId)
      const packedHash = hashBytes(exactHash)
      if (packedHash) {
        hashes.set(BYTES, slot * HASH_BYTES)
        kind |= PACKED_HASH
      } else otherHashes.set(slot, exactHash)
      kinds[slot] = kind
      sizes[slot] = size
      file(byId, idKeyOf(packedId, assetId), slot)
      file(byHash, hashKeyOf(packedHash, exactHash), slot)
      return slot
    },
    /** The live slot of an asset, or -1. */
    slotOf(assetId: string): number {
      const packed = uuidWords(assetId)
      const w0 = WORDS[0] ?? 0
      const w1 = WORDS[1] ?? 0
      const w2 = WORDS[2] ?? 0
      const w3 = WORDS[3] ?? 0
      const mask = byId.length - 1
      for (let at = idKeyOf(packed, assetId) & mask; ; at = (at + 1) & mask) {
        const slot = (byId[at] ?? 0) - 1
        if (slot < 0) return -1
        const kind = kinds[slot] ?? DEAD
        if (kind === DEAD) continue
        const same =
          (kind & PACKED_ID) === 0
            ? otherIds.get(slot) === assetId
            : packed &&
              idWords[slot * 4] === w0 &&
              idWords[slot * 4 + 1] === w1 &&
              idWords[slot * 4 + 2] === w2 &&
              idWords[slot * 4 + 3] === w3
        if (same) return slot
      }
    },
    /** Live slots filed under this exact hash, oldest first. */
    withHash(exactHash: string): number[] {
      const out: number[] = []
      const packed = hashBytes(exactHash)
      const mask = byHash.length - 1
      for (let at = hashKeyOf(packed, exactHash) & mask; ; at = (at + 1) & mask) {
        const slot = (byHash[at] ?? 0) - 1
        if (slot < 0) return out
        const kind = kinds[slot] ?? DEAD
        if (kind === DEAD) continue
        const same =
          (kind & PACKED_HASH) === 0
            ? otherHashes.get(slot) === exactHash
            : packed && sameBytes(slot)
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
