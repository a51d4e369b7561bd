import { describe, expect, it } from 'vitest'
import { formatName, payloadText, rawFormatType, typeForFormat } from './clipboard-formats'
import { parseFromConnector, parseToConnector } from './connector-messages'

describe('connector process messages', () => {
  it('accepts well-formed messages only', () => {
    expect(parseToConnector({ type: 'start', dataDir: '/data' })).toEqual({
      type: 'start',
      dataDir: '/data',
    })
    expect(parseToConnector({ type: 'start', dataDir: '' })).toBeUndefined()
    expect(parseToConnector('stop')).toBeUndefined()
    expect(parseFromConnector({ type: 'ready', url: 'http://127.0.0.1:41234' })).toEqual({
      type: 'ready',
      url: 'http://127.0.0.1:41234',
    })
    expect(parseFromConnector({ type: 'failed', message: 'locked' })).toEqual({
      type: 'failed',
      message: 'locked',
    })
  })

  it('refuses a connector URL that is not loopback HTTP', () => {
    expect(parseFromConnector({ type: 'ready', url: 'http://evil.example:80' })).toBeUndefined()
    expect(
      parseFromConnector({ type: 'ready', url: 'http://127.0.0.1:1@evil.example' }),
    ).toBeUndefined()
  })
})

describe('clipboard formats', () => {
  it('maps raw platform formats to their names and back', () => {
    const raw = rawFormatType('org.nspasteboard.ConcealedType')
    expect(raw).toBe('electron application/osclipboard;format="org.nspasteboard.ConcealedType"')
    expect(formatName(raw)).toBe('org.nspasteboard.ConcealedType')
    expect(formatName('text/plain')).toBe('text/plain')
    expect(typeForFormat(['text/plain', raw], 'org.nspasteboard.ConcealedType')).toBe(raw)
    expect(typeForFormat(['text/plain'], 'x-kde-passwordManagerHint')).toBeUndefined()
  })

  it('reads payloads as Blob or Buffer', async () => {
    expect(await payloadText(new Blob(['secret']))).toBe('secret')
    expect(await payloadText(Buffer.from('0'))).toBe('0')
    expect(await payloadText({})).toBeUndefined()
  })
})
