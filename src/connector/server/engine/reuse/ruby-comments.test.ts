import { describe, expect, it } from 'vitest'
import { bestFor, lines } from '../test-support/reuse-pair'

// Issue 12: Ruby's documentation is comment blocks (YARD's `@!macro name`, RDoc), so a snippet
// cut from a Ruby file may be mostly comments, and their words are often snake_case names. Cases
// built on `bench/comment-edit-tune.ts` (Ruby's standard library and Debian's gems), written anew.
const saved = lines(
  "require 'courier/monotonic_clock'",
  '',
  'module Courier',
  '  # @!macro bounded_queue',
  '  # @!visibility private',
  '  class BoundedQueue < Synchronized',
  '    # @!macro bounded_queue_constant_default_capacity',
  '    DEFAULT_CAPACITY = 1_024',
  '',
  '    # @!macro bounded_queue_constant_default_wait_timeout',
  '    DEFAULT_WAIT_TIMEOUT = 5',
  '',
  '    # @!macro bounded_queue_attr_reader_capacity',
  '    attr_reader :capacity',
  '',
  '    # @!macro bounded_queue_attr_reader_wait_timeout',
  '    attr_reader :wait_timeout',
  '',
  '    # @!macro bounded_queue_attr_reader_dropped_count',
  '    attr_reader :dropped_count',
)

const parcel = lines(
  'class Parcel #:nodoc:',
  '  attr_reader :weight, :label',
  '',
  '  def initialize(weight, label) #:notnew:',
  '    @weight = weight',
  '    @label = label',
  '  end',
  '',
  '  def heavy?(limit = 20)',
  '    weight > limit #=> true for a crate of books',
  '  end',
  '',
  '  def to_s',
  '    "#{label} (#{weight} kg)" #=> "books (24 kg)"',
  '  end',
  'end',
)
const parcelCopy = parcel
  .replace('#:nodoc:', '#:stopdoc:')
  .replace('#:notnew:', '#:yields: parcel')
  .replace('#=> true for a crate of books', '#=> false for a letter')
  .replace('#=> "books (24 kg)"', '#=> "letter (0 kg)"')

describe('Ruby comment blocks', () => {
  it('a copy whose macros are named after a buffer, not a queue, is reuse of the saved block', () => {
    // Only comment text changed: the macros are named after a buffer. Each macro name was read
    // as one word, so the edit changed every one of them (0.74 on main,
    // under the reuse threshold).
    const copy = saved
      .split('\n')
      .map((l) => (l.trim().startsWith('#') ? l.replace(/queue/g, 'buffer') : l))
      .join('\n')
    expect(copy).toContain('# @!macro bounded_buffer_attr_reader_capacity')
    expect(copy).toContain('class BoundedQueue < Synchronized')
    const { best, reuse } = bestFor(saved, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
    expect(best?.similarity).toBeLessThan(0.99)
  })

  it('another class documented with the same macros and tags is not reuse', () => {
    // The same YARD form, the same words in its macro names (`_constant_default_`,
    // `_attr_reader_`) and the same frame, about another class: no copy.
    const other = lines(
      "require 'courier/monotonic_clock'",
      '',
      'module Courier',
      '  # @!macro connection_pool',
      '  # @!visibility private',
      '  class ConnectionPool < Synchronized',
      '    # @!macro connection_pool_constant_default_size',
      '    DEFAULT_SIZE = 16',
      '',
      '    # @!macro connection_pool_constant_default_checkout_timeout',
      '    DEFAULT_CHECKOUT_TIMEOUT = 30',
      '',
      '    # @!macro connection_pool_attr_reader_size',
      '    attr_reader :size',
      '',
      '    # @!macro connection_pool_attr_reader_checkout_timeout',
      '    attr_reader :checkout_timeout',
      '',
      '    # @!macro connection_pool_attr_reader_reaped_count',
      '    attr_reader :reaped_count',
    )
    const { reuse } = bestFor(saved, other)
    expect(reuse).toBe(false)
  })

  it('a copy whose RDoc directives and `#=>` results were edited is reuse of the class', () => {
    // Ruby's comments need no space after the `#`: `#:nodoc:`, `#=> value`. Read as code, their
    // edit was a code edit (0.78 on main, under the reuse threshold).
    const { best, reuse } = bestFor(parcel, parcelCopy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
    expect(best?.similarity).toBeLessThan(0.99)
  })

  it('another class with the same directives and `#=>` comments is not reuse', () => {
    const other = lines(
      'class Route #:nodoc:',
      '  attr_reader :stops',
      '',
      '  def initialize(*stops) #:notnew:',
      '    @stops = stops.compact',
      '  end',
      '',
      '  def loop?',
      '    stops.first == stops.last #=> true for a round trip',
      '  end',
      '',
      '  def to_s',
      '    stops.join(\' -> \') #=> "depot -> dock -> depot"',
      '  end',
      'end',
    )
    expect(bestFor(parcel, other).reuse).toBe(false)
  })
})
