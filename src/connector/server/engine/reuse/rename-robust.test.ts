import { describe, expect, it } from 'vitest'
import { bestFor, lines } from '../test-support/reuse-pair'
import { createEngine } from '../index'
import { decodeSketch } from './codec'

// Renamed copies that issue 12's held-out report missed, each as a saved snippet and a copy with
// its names renamed consistently (library names too), as a user would call the same code.

describe('rename-robust reuse', () => {
  it('Rust lifetimes are not strings: a rename around them keeps every literal', () => {
    const saved = lines(
      "impl<'de> Visitor<'de> for DurationVisitor {",
      '    type Value = Duration;',
      '    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {',
      '        formatter.write_str("a duration in seconds")',
      '    }',
      "    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Duration, A::Error> {",
      '        let secs: u64 = seq.next_element()?.ok_or_else(|| Error::invalid_length(0, &self))?;',
      "        let sep = if secs > 60 { ':' } else { '.' };",
      '        Ok(Duration::new(secs, sep as u32))',
      '    }',
      '}',
    )
    // `'de` read as the start of a string swallowed `> Visitor<`: the rename of `Visitor` then
    // changed that "literal" and the copy scored 0.59 on pre-fix main.
    const copy = saved
      .replace(/\bVisitor\b/g, 'Walker')
      .replace(/\bDurationVisitor\b/g, 'SpanWalker')
      .replace(/\bDuration\b/g, 'Span')
      .replace(/\bformatter\b/g, 'out')
      .replace(/\bsecs\b/g, 'whole')
      .replace(/\bseq\b/g, 'items')
      .replace(/\bsep\b/g, 'mark')
      .replace(/'de\b/g, "'src")
    const { best, reuse } = bestFor(saved, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })

  it('a quoted string in other code is still one literal', () => {
    const saved = "const greeting = 'hello, world' + name\nconsole.log(greeting, 'done')"
    const engine = createEngine()
    const sketch = decodeSketch(engine.fingerprint(saved).data)
    expect(sketch?.literals.length).toBe(2)
  })

  it('an export list renamed as a whole (exports.name = name) is reuse of the list', () => {
    const saved = lines(
      'exports.getDeepestCommonAncestorFrom = getDeepestCommonAncestorFrom;',
      'exports.getEarliestCommonAncestorFrom = getEarliestCommonAncestorFrom;',
      'exports.getFunctionParent = getFunctionParent;',
      'exports.getStatementParent = getStatementParent;',
      'exports.inType = inType;',
      'exports.isAncestor = isAncestor;',
      'exports.isDescendant = isDescendant;',
    )
    // Each member and the plain name of the same spelling are renamed alike: on pre-fix main the
    // pairs met once each (a member's token differs from the plain name's), so nothing vouched.
    let n = 0
    const names = new Map<string, string>()
    const copy = saved.replace(/\b[A-Za-z_]\w*\b/g, (w) => {
      if (!names.has(w)) names.set(w, `renamed${n++}`)
      return names.get(w) ?? w
    })
    const { best, reuse } = bestFor(saved, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })

  it('a long copy (past 128 tokens) with a keyword of another language renamed is reuse', () => {
    // `new` and `default` are keywords elsewhere, names in Rust; past 128 tokens only the shape
    // shingles judged this copy on pre-fix main, and their renaming broke the shingles (0.76).
    const saved = lines(
      'pub struct Pool {',
      '    slots: Vec<Option<Conn>>,',
      '    limit: usize,',
      '}',
      'impl Pool {',
      '    pub fn new(limit: usize) -> Self {',
      '        Pool { slots: Vec::with_capacity(limit), limit }',
      '    }',
      '    pub fn default() -> Self {',
      '        Self::new(8)',
      '    }',
      '    pub fn take(&mut self, addr: &str) -> Result<Conn, PoolError> {',
      '        if let Some(slot) = self.slots.iter_mut().find(|s| s.is_some()) {',
      '            return slot.take().ok_or(PoolError::Empty);',
      '        }',
      '        if self.slots.len() >= self.limit {',
      '            return Err(PoolError::Full(self.limit));',
      '        }',
      '        let conn = Conn::open(addr, "pool")?;',
      '        self.slots.push(None);',
      '        Ok(conn)',
      '    }',
      '}',
    )
    const copy = saved
      .replace(/\bnew\b/g, 'create')
      .replace(/\bdefault\b/g, 'standard')
      .replace(/\bPool\b/g, 'Cache')
      .replace(/\bslots\b/g, 'entries')
      .replace(/\bslot\b/g, 'entry')
      .replace(/\blimit\b/g, 'cap')
      .replace(/\bconn\b/g, 'link')
      .replace(/\baddr\b/g, 'host')
    const { best, reuse } = bestFor(saved, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })

  it('a shell glob (${cur%/*}) is no comment: the code after it is renamed as code', () => {
    const saved = lines(
      '# cvs(1) completion                                        -*- shell-script -*-',
      '',
      '_cvs_entries()',
      '{',
      "    local prefix=${cur%/*}/ IFS=$'\\n'",
      '    [[ -e ${prefix:-}CVS/Entries ]] || prefix=""',
      '    entries=($(cut -d/ -f2 -s ${prefix:-}CVS/Entries 2>/dev/null))',
      '    if [[ $entries ]]; then',
      '        entries=("${entries[@]/#/${prefix:-}}")',
      '        compopt -o filenames',
      '    fi',
      '}',
    )
    // Read as a comment left open, `/*}/ IFS=…` swallowed the rest, renamed names included, and
    // the copy scored 0.77 on pre-fix main.
    const copy = saved
      .replace(/\b_cvs_entries\b/g, '_scm_files')
      .replace(/\bprefix\b/g, 'base')
      .replace(/\bentries\b/g, 'files')
      .replace(/\bcur\b/g, 'word')
      .replace(/\bcompopt\b/g, 'complete_opt')
      .replace(/\bfilenames\b/g, 'names')
    const { best, reuse } = bestFor(saved, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })
})
