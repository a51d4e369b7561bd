import { describe, expect, it } from 'vitest'
import { renameIdentifiers } from './variants'

// A renamed copy must stay valid code: the words of the language are not names.
describe('renameIdentifiers', () => {
  it('keeps SQL keywords and types, renaming the names', () => {
    const out = renameIdentifiers(
      'CREATE OPERATOR = (LEFTARG = citext, RIGHTARG = citext, PROCEDURE = citext_eq);',
      'sql',
    )
    expect(out).toBe(
      'CREATE OPERATOR = (LEFTARG = renamed0, RIGHTARG = renamed0, PROCEDURE = renamed1);',
    )
  })

  it('keeps C directives and headers, PHP and C# keywords', () => {
    expect(renameIdentifiers('#include <stdio.h>\n#ifdef WIN32\n#endif', 'c')).toBe(
      '#include <stdio.h>\n#ifdef Renamed0\n#endif',
    )
    expect(renameIdentifiers('switch ($mode) { default: return new Foo(); }', 'php')).toBe(
      'switch ($renamed0) { default: return new Renamed1(); }',
    )
    expect(renameIdentifiers('var t = typeof(Widget);', 'cs')).toBe('var t = typeof(Renamed0);')
  })

  it("renames a C macro's parameter where it is stringized or pasted, as the compiler would", () => {
    expect(
      renameIdentifiers(
        '#define FN(name) \\\n  int prefix_##name##_fn(void) { return puts(#name); }',
        'c',
      ),
    ).toBe(
      '#define Renamed0(renamed1) \\\n  int renamed2##renamed1##Renamed3(void) { return renamed4(#renamed1); }',
    )
  })

  it('renames CSS classes and ids, never properties, values or colours', () => {
    expect(renameIdentifiers('.hljs pre { color: #abb2bf; display: block; }', 'css')).toBe(
      '.renamed0 pre { color: #abb2bf; display: block; }',
    )
  })

  it('leaves shell options, paths and multi-line word lists alone', () => {
    expect(
      renameIdentifiers("words=$(compgen -W 'red\n  green' -- --only-upgrade /dev/null)", 'sh'),
    ).toBe("renamed0=$(renamed1 -W 'red\n  green' -- --only-upgrade /dev/null)")
  })
})
