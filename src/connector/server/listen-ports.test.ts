import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { listenPorts, PIECES_PORT_RANGE } from './listen-ports'
import { tempDir } from './test-support/temp-dir'

// Which ports the embedded connector tries first; nothing here binds a port.

const dirs: ReturnType<typeof tempDir>[] = []
afterEach(() => dirs.splice(0).forEach((d) => d.remove()))
const fresh = () => {
  const dir = tempDir()
  dirs.push(dir)
  return dir.path
}

describe('listenPorts', () => {
  it('is the Pieces range, 39300 first, for a new user', () => {
    expect(listenPorts(fresh(), {})).toEqual(PIECES_PORT_RANGE)
    expect(PIECES_PORT_RANGE[0]).toBe(39300)
    expect(PIECES_PORT_RANGE.at(-1)).toBe(39333)
  })

  it('is empty (a random port) when the piecesPorts setting is off', () => {
    const dir = fresh()
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ piecesPorts: false }))
    expect(listenPorts(dir, {})).toEqual([])
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ piecesPorts: true }))
    expect(listenPorts(dir, {})).toEqual(PIECES_PORT_RANGE)
  })

  it('is empty when CLIPWISE_PIECES_PORTS=off, and the range when settings.json is unreadable', () => {
    expect(listenPorts(fresh(), { CLIPWISE_PIECES_PORTS: 'off' })).toEqual([])
    const dir = fresh()
    writeFileSync(join(dir, 'settings.json'), '{ not json')
    expect(listenPorts(dir, {})).toEqual(PIECES_PORT_RANGE)
  })
})
