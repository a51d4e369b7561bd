import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { createEngine } from '../src/connector/server/engine'
import { findSources, sliceSnippets } from '../src/connector/server/engine/test-support/corpus'

/** Real code from this machine, cut into distinct function-sized snippets with varied windows. */
export function buildCorpus(target: number): string[] {
  const roots = ['node_modules', '/usr/lib/python3.11', '/usr/include']
  const exts = ['js', 'ts', 'mjs', 'cjs', 'py', 'c', 'h', 'go', 'sh', 'css']
  const files = findSources(roots, exts, 12_000, 200, 400_000)
  const seen = new Set<string>()
  const out: string[] = []
  const windows: [number, number, number][] = [
    [8, 30, 0],
    [5, 15, 0],
    [12, 40, 0],
    [6, 20, 7],
    [10, 25, 13],
  ]
  for (const [min, max, stride] of windows) {
    for (const file of files) {
      for (const snippet of sliceSnippets(file.text, min, max, stride)) {
        const key = createHash('sha1').update(snippet).digest('base64')
        if (seen.has(key)) continue
        seen.add(key)
        out.push(snippet)
        if (out.length >= target) return out
      }
    }
  }
  return out
}

/**
 * Writes each snippet's fingerprint to `file` (its exact hash and sketch, each with its length),
 * so that benchmark children load stored fingerprints as the connector does, without sketching.
 */
export function writeFingerprints(file: string, library: readonly string[]): void {
  writeFileSync(file, fingerprintBytes(createEngine(), library))
}

/** The texts' fingerprints in `writeFingerprints`' layout, by any checkout's engine. */
export function fingerprintBytes(
  engine: { fingerprint(text: string): { exactHash: string; data: Uint8Array } },
  texts: readonly string[],
): Buffer {
  const chunks: Buffer[] = []
  for (const text of texts) {
    const fp = engine.fingerprint(text)
    const hash = Buffer.from(fp.exactHash)
    const head = Buffer.alloc(8)
    head.writeUInt32LE(hash.length, 0)
    head.writeUInt32LE(fp.data.byteLength, 4)
    chunks.push(head, hash, Buffer.from(fp.data))
  }
  return Buffer.concat(chunks)
}

/** The first `size` fingerprints of a `writeFingerprints` file, from its start again if fewer. */
export function* readFingerprints(
  bytes: Buffer,
  size: number,
): Generator<{ exactHash: string; data: Uint8Array }> {
  let at = 0
  for (let i = 0; i < size && bytes.length > 0; i++) {
    if (at >= bytes.length) at = 0
    const hashLen = bytes.readUInt32LE(at)
    const dataLen = bytes.readUInt32LE(at + 4)
    const exactHash = bytes.toString('utf8', at + 8, at + 8 + hashLen)
    const data = bytes.subarray(at + 8 + hashLen, at + 8 + hashLen + dataLen)
    at += 8 + hashLen + dataLen
    yield { exactHash, data }
  }
}
