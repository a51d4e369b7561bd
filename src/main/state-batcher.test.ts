import { describe, expect, it, vi } from 'vitest'
import { createBatcher } from './state-batcher'

describe('createBatcher', () => {
  it('delivers only the latest value, at most once per interval', () => {
    vi.useFakeTimers()
    try {
      const delivered: number[] = []
      const batcher = createBatcher<number>((value) => delivered.push(value), globalThis, 16)
      for (let i = 1; i <= 100; i++) batcher.push(i)
      expect(delivered).toEqual([])
      vi.advanceTimersByTime(16)
      expect(delivered).toEqual([100])
      batcher.push(101)
      vi.advanceTimersByTime(15)
      expect(delivered).toEqual([100])
      vi.advanceTimersByTime(1)
      expect(delivered).toEqual([100, 101])
      vi.advanceTimersByTime(100)
      expect(delivered).toEqual([100, 101])
    } finally {
      vi.useRealTimers()
    }
  })

  it('flushes at once on demand and drops pending values on dispose', () => {
    vi.useFakeTimers()
    try {
      const delivered: string[] = []
      const batcher = createBatcher<string>((value) => delivered.push(value), globalThis)
      batcher.push('a')
      batcher.flush()
      batcher.push('b')
      batcher.dispose()
      vi.advanceTimersByTime(100)
      expect(delivered).toEqual(['a'])
    } finally {
      vi.useRealTimers()
    }
  })
})
