import { describe, expect, it } from 'vitest'
import { bestFor, lines } from '../test-support/reuse-pair'

// Edited copies of small snippets, read line by line (`lineReading` in `similarity.ts`).

describe('an edited copy of a small snippet', () => {
  // logrus's magefile imports: eight lines of one token each.
  const saved = lines(
    '//go:build mage',
    '',
    'package main',
    '',
    'import (',
    '\t"encoding/json"',
    '\t"fmt"',
    '\t"os"',
    '\t"path"',
    '\t"sort"',
    '',
    '\t"github.com/magefile/mage/mg"',
    '\t"github.com/magefile/mage/sh"',
    ')',
  )

  it('is reuse when it keeps most lines and changes a few in place', () => {
    // Two imports swapped for others, one added: on main this scored 0.68 (a changed import is
    // one token, a new one a tenth of the snippet's).
    const copy = saved
      .replace('"path"', '"path/filepath"')
      .replace('"os"', '"os/exec"')
      .replace('\t"sort"', '\t"sort"\n\t"time"')
    const { best, reuse } = bestFor(saved, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
    expect(best?.similarity).toBeLessThan(0.99)
  })

  it('is not reuse when another file of the project shares a few imports and its license', () => {
    const header = (year: number): string =>
      lines(
        `// Copyright ${year}, The Go Authors. All rights reserved.`,
        '// Use of this source code is governed by a BSD-style',
        '// license that can be found in the LICENSE file.',
      )
    const ignore = lines(
      header(2017),
      '',
      'package cmpopts',
      '',
      'import (',
      '\t"fmt"',
      '\t"reflect"',
      '\t"unicode"',
      '\t"unicode/utf8"',
      '',
      '\t"github.com/google/go-cmp/cmp"',
      '\t"github.com/google/go-cmp/cmp/internal/function"',
      ')',
    )
    const example = lines(
      header(2020),
      '',
      'package cmpopts_test',
      '',
      'import (',
      '\t"fmt"',
      '\t"net"',
      '\t"time"',
      '',
      '\t"github.com/google/go-cmp/cmp"',
      '\t"github.com/google/go-cmp/cmp/cmpopts"',
      '\t"github.com/google/go-cmp/cmp/internal/flags"',
      ')',
    )
    expect(bestFor(ignore, example).reuse).toBe(false)
  })
})
