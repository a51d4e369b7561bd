import { describe, expect, it } from 'vitest'
import { bestFor, lines } from '../test-support/reuse-pair'

// Parts of saved snippets, cut where bench/renamed-tune.ts's go tune set missed them.
describe('a part of a saved snippet', () => {
  it('is reuse when it starts with a dereference (`*b = …`), not read as a comment', () => {
    const saved = lines(
      'func (b *boolValue) Set(s string) error {',
      '\tv, err := strconv.ParseBool(s)',
      '\t*b = boolValue(v)',
      '\treturn err',
      '}',
      '',
      'func (b *boolValue) Type() string {',
      '\treturn "bool"',
      '}',
      '',
      'func (b *boolValue) String() string { return strconv.FormatBool(bool(*b)) }',
    )
    // Lines 3-8: from the dereference to `return "bool"`.
    const part = saved.split('\n').slice(2, 8).join('\n')
    expect(part.startsWith('\t*b = boolValue(v)')).toBe(true)
    const { best, reuse } = bestFor(saved, part)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })

  it('is reuse when it is an import list kept line for line (too few tokens for shingles)', () => {
    const saved = lines(
      'package toml',
      '',
      'import (',
      '\t"bytes"',
      '\t"encoding"',
      '\t"encoding/json"',
      '\t"fmt"',
      '\t"io"',
      '\t"io/ioutil"',
      '\t"math"',
      '\t"os"',
      '\t"reflect"',
      '\t"strconv"',
      ')',
    )
    const part = ['"encoding/json"', '"fmt"', '"io"', '"io/ioutil"', '"math"', '"os"']
    const { best, reuse } = bestFor(saved, lines(...part.map((l) => `\t${l}`)))
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
    // A list with a line the saved one does not have is no part of it.
    const other = lines(...part.slice(0, 5).map((l) => `\t${l}`), '\t"sort"')
    expect(bestFor(saved, other).reuse).toBe(false)
  })
})
