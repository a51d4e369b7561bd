import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { encodePng } from './png'
import { drawTrayIcon, trayIconColor } from './tray-icon-art'

function decode(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  const width = png.readUInt32BE(16)
  const height = png.readUInt32BE(20)
  const idat = png.indexOf('IDAT')
  const length = png.readUInt32BE(idat - 4)
  const rows = inflateSync(png.subarray(idat + 4, idat + 4 + length))
  return { width, height, rows }
}

describe('tray icons', () => {
  it('encodes a PNG that decodes to the same pixels', () => {
    const pixels = drawTrayIcon({ size: 16, color: [0, 0, 0], status: 'normal' })
    const { width, height, rows } = decode(encodePng(16, 16, pixels))
    expect([width, height]).toEqual([16, 16])
    expect(rows.length).toBe(16 * (16 * 4 + 1))
    expect(rows.subarray(1, 65)).toEqual(Buffer.from(pixels.subarray(0, 64)))
  })

  it('draws something visible, and paused, offline and restarting each look different', () => {
    const alpha = (status: 'normal' | 'paused' | 'offline' | 'restarting') =>
      Array.from(drawTrayIcon({ size: 32, color: [0, 0, 0], status })).filter((_, i) => i % 4 === 3)
    const normal = alpha('normal')
    expect(normal.filter((a) => a > 128).length).toBeGreaterThan(100)
    expect(alpha('paused')).not.toEqual(normal)
    expect(alpha('offline')).not.toEqual(alpha('paused'))
    const restarting = alpha('restarting')
    expect(restarting).not.toEqual(normal)
    expect(restarting).not.toEqual(alpha('offline'))
    expect(restarting).not.toEqual(alpha('paused'))
  })

  it('uses black for macOS templates and light ink on dark panels', () => {
    expect(trayIconColor({ platform: 'darwin', darkPanel: true })).toEqual([0, 0, 0])
    expect(trayIconColor({ platform: 'linux', darkPanel: true })[0]).toBeGreaterThan(200)
    expect(trayIconColor({ platform: 'win32', darkPanel: false })[0]).toBeLessThan(64)
  })
})
