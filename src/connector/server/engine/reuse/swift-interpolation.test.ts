import { describe, expect, it } from 'vitest'
import { bestFor, lines } from '../test-support/reuse-pair'

// Swift copies with every name renamed, inside string interpolations too, that issue 12's
// held-out report missed: an interpolation holding a string of its own (`"\(f(x: "%d"))"`).

describe('renamed Swift interpolations', () => {
  const saved = lines(
    'enum UploadError: Error {',
    '    case fileMissing(path: String)',
    '    case tooLarge(bytes: Int)',
    '',
    '    var message: String {',
    '        switch self {',
    '        case .fileMissing(let path):',
    '            return "UPLOAD-404 \\(path.replacingOccurrences(of: "file://", with: ""))"',
    '        case .tooLarge(let bytes):',
    '            return "UPLOAD-413 \\(String(format: "%.1f", Double(bytes) / 1e6)) MB"',
    '        }',
    '    }',
    '}',
  )

  it('a copy with the names renamed, those interpolated included, is reuse', () => {
    // The string ended at the inner quote: the renamed `path` and `String` changed two of its
    // literals, and the copy scored 0.17 (now over 0.9).
    const names: [string, string][] = [
      ['UploadError', 'SendFailure'],
      ['Error', 'Failure'],
      ['fileMissing', 'noSource'],
      ['path', 'where'],
      ['String', 'Text'],
      ['tooLarge', 'overLimit'],
      ['bytes', 'size'],
      ['Int', 'Count'],
      ['message', 'summary'],
      ['replacingOccurrences', 'replacing'],
      ['Double', 'Real'],
    ]
    const copy = names.reduce(
      (out, [from, to]) => out.replace(new RegExp(`\\b${from}\\b`, 'g'), to),
      saved,
    )
    const { best, reuse } = bestFor(saved, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })

  it('another enum of that form with its own messages is not reuse', () => {
    const other = lines(
      'enum SyncError: Error {',
      '    case offline(host: String)',
      '    case conflict(version: Int)',
      '',
      '    var message: String {',
      '        switch self {',
      '        case .offline(let host):',
      '            return "SYNC-503 \\(host.trimmingCharacters(in: "/ "))"',
      '        case .conflict(let version):',
      '            return "SYNC-409 \\(String(format: "v%d", version)) stale"',
      '        }',
      '    }',
      '}',
    )
    expect(bestFor(saved, other).reuse).toBe(false)
  })
})
