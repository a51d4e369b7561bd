import { describe, expect, it } from 'vitest'
import { createEngine } from '..'
import { editComments } from '../test-support/variants'
import { bestFor, lines } from '../test-support/reuse-pair'

// Cases built on the issue 12 tune set (a tune set of YARD-documented gems such as
// tzinfo and faraday, Ruby's standard library), written anew: doc comments whose words are
// snake_case names (`@!macro` and `@param` names), where an edit of one word of a name is one
// word of the comment changed, not the whole name.
const documented = lines(
  "require 'pool/worker_queue'",
  '',
  'module Pool',
  '  # @!macro worker_pool_option_max_workers',
  '  #   Largest number of worker threads the pool starts before it queues work.',
  '  #   @return [Integer] the max_workers setting of the pool',
  '',
  '  # @!macro worker_pool_option_idle_timeout',
  '  #   Seconds an idle worker thread waits for work before it is stopped.',
  '  #   @return [Integer] the idle_timeout setting of the pool',
  '',
  '  # @!macro worker_pool_option_queue_limit',
  '  #   Tasks the queue holds before new work is refused (0: no limit).',
  '  #   @return [Integer] the queue_limit setting of the pool',
  '',
  '  # @!macro worker_pool_attr_reader_largest_length',
  '  #   Most worker threads the pool has run at once since it started.',
  '  #   @return [Integer] the largest_length of the pool',
  '  class WorkerPool',
  '    DEFAULT_MAX_WORKERS = 16',
  '  end',
)

describe('doc comment words', () => {
  it('a copy with words of its doc comments edited, names among them, is reuse', () => {
    // One word of each snake_case name in the comments changed, every line of code kept.
    const copy = documented
      .replace(/_option_/g, '_setting_')
      .replace('_attr_reader_', '_attr_getter_')
      .replace(/the (\w+)_(\w+) (setting )?of/g, 'the $1_current_$2 $3of')
    const changed = copy.split('\n').filter((l, i) => l !== documented.split('\n')[i])
    expect(changed).toHaveLength(8)
    expect(changed.every((l) => l.trimStart().startsWith('#'))).toBe(true)
    const { best, reuse } = bestFor(documented, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })

  it("the quality report's comment edit (every third word) is reuse too", () => {
    const copy = editComments(documented, 'rb')
    expect(copy).toContain('changed')
    const { best, reuse } = bestFor(documented, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })

  it('another documented class of the same form is not reuse', () => {
    // Same gem style, same comment vocabulary (`@!macro`, `@return [Integer]`, `the … setting`),
    // other names and other code.
    const other = lines(
      "require 'cache/entry_store'",
      '',
      'module Cache',
      '  # @!macro entry_store_option_max_entries',
      '  #   Most entries the store keeps before it evicts the least recently used.',
      '  #   @return [Integer] the max_entries setting of the store',
      '',
      '  # @!macro entry_store_option_ttl',
      '  #   Seconds an entry stays fresh after it was written.',
      '  #   @return [Integer] the ttl setting of the store',
      '',
      '  # @!macro entry_store_option_shards',
      '  #   Shards the keys are spread over (1: one lock for all).',
      '  #   @return [Integer] the shards setting of the store',
      '',
      '  # @!macro entry_store_attr_reader_evicted_count',
      '  #   Entries the store has evicted since it was opened.',
      '  #   @return [Integer] the evicted_count of the store',
      '  class EntryStore',
      '    DEFAULT_MAX_ENTRIES = 1024',
      '    DEFAULT_SHARDS = 8',
      '  end',
    )
    const engine = createEngine()
    engine.add('saved', engine.fingerprint(documented))
    const best = engine.match(other, 1)[0]
    expect(engine.isReuse(best)).toBe(false)
  })

  it("the same pool's other options, documented alike, are not reuse", () => {
    // Every macro name shares `worker_pool_option_` with the saved ones: its words are shared,
    // the rest of each comment and the code are not.
    const sibling = lines(
      "require 'pool/worker_queue'",
      '',
      'module Pool',
      '  # @!macro worker_pool_option_fallback_policy',
      '  #   What happens to a task when the queue is full: :abort, :discard or :caller_runs.',
      '  #   @return [Symbol] the fallback_policy setting of the pool',
      '',
      '  # @!macro worker_pool_option_auto_terminate',
      '  #   Whether the pool is shut down when the program exits.',
      '  #   @return [Boolean] the auto_terminate setting of the pool',
      '',
      '  # @!macro worker_pool_option_synchronous',
      '  #   Run each posted task on the thread that posts it, waiting for a free worker.',
      '  #   @return [Boolean] the synchronous setting of the pool',
      '  class WorkerPoolSettings',
      '    FALLBACK_POLICIES = [:abort, :discard, :caller_runs].freeze',
      '    def initialize(opts = {})',
      '      @fallback_policy = opts.fetch(:fallback_policy, :abort)',
      '    end',
      '  end',
    )
    const engine = createEngine()
    engine.add('saved', engine.fingerprint(documented))
    const best = engine.match(sibling, 1)[0]
    expect(engine.isReuse(best)).toBe(false)
  })
})
