import { describe, expect, it } from 'vitest'
import { bestFor, lines } from '../test-support/reuse-pair'

// Enums of one form: every name met once, so only the structure can say a copy is renamed.
const enumOf = (name: string, items: string[]): string =>
  lines(`enum ${name} {`, items.map((i) => `\t${i}`).join(',\n'), '};')

const saved = enumOf('relay_msg_types', [
  'RELAY_MSG_OPEN',
  'RELAY_MSG_QUERY',
  'RELAY_MSG_QUERY_RESET',
  'RELAY_MSG_CLOSE',
  'RELAY_MSG_FLUSH',
  'RELAY_MSG_MAX',
])

describe('structures of one form', () => {
  it('an enum of the same form with other names and other length is not reuse', () => {
    const other = enumOf('tunnel_attributes', [
      'TUNNEL_ATTR_UNSPEC',
      'TUNNEL_ATTR_INDEX',
      'TUNNEL_ATTR_PRIORITY',
      'TUNNEL_ATTR_DEVICE',
      'TUNNEL_ATTR_OWNER',
      'TUNNEL_ATTR_GROUP',
      'TUNNEL_ATTR_CHAIN',
      '__TUNNEL_ATTR_MAX',
    ])
    expect(bestFor(saved, other).reuse).toBe(false)
  })

  it('the saved enum with every name renamed is still reuse', () => {
    const renamed = enumOf(
      'renamed_types',
      Array.from({ length: 6 }, (_, i) => `RENAMED_${i}`),
    )
    const { best, reuse } = bestFor(saved, renamed)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })
})
