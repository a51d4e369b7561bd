import { describe, expect, it } from 'vitest'
import { bestFor, lines } from '../test-support/reuse-pair'

// Lists whose kept names are a frame around items that each name their own: an import list of
// one package, a vtable of one type. Another list of that frame is not a copy of a saved one.
const imports = (pkg: string, names: string[]): string =>
  lines(...names.map((n) => `import ${pkg}.${n};`))

const vtable = (type: string, prefix: string, ops: string[]): string =>
  lines(`static ${type} ${prefix}_vtbl = {`, ...ops.map((op) => `    ${prefix}_${op},`), '};')

const savedImports = imports('org.example.widgets', [
  'Button',
  'ButtonGroup',
  'Canvas',
  'CheckBox',
  'ComboBox',
  'Dialog',
  'Frame',
  'Label',
])
const OPS = ['open', 'is_open', 'read', 'write', 'tell', 'seek', 'close', 'error', 'create']

describe('lists of one frame, items renamed', () => {
  it("another module's import list of the same package is not reuse of a saved one", () => {
    const other = imports('org.example.widgets', [
      'List',
      'Menu',
      'MenuBar',
      'Panel',
      'ScrollBar',
      'TextArea',
      'TextField',
      'Window',
    ])
    expect(bestFor(savedImports, other).reuse).toBe(false)
  })

  it('an import list under a long package path, sharing some names, is not reuse', () => {
    const pkg = 'io.acme.mobile.bridge.core'
    const saved = imports(pkg, ['Context', 'Event', 'EventEmitter', 'Method', 'Module']).concat(
      '\n',
      imports(pkg, ['Promise', 'ReadableMap', 'WritableMap']),
    )
    const other = imports(pkg, ['Arguments', 'Callback', 'Context', 'Dynamic', 'Instance']).concat(
      '\n',
      imports(pkg, ['Listener', 'NativeArray', 'WritableMap']),
    )
    expect(bestFor(saved, other).reuse).toBe(false)
  })

  it('the saved import list with one import changed is still reuse', () => {
    const copy = savedImports.replace('CheckBox', 'RadioButton')
    const { best, reuse } = bestFor(savedImports, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })

  it('the saved import list with two imports changed and one added is still reuse', () => {
    const copy = savedImports
      .replace('Canvas', 'Slider')
      .replace('Label', 'Spinner')
      .concat('\nimport org.example.widgets.Tree;')
    const { best, reuse } = bestFor(savedImports, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })

  it("a sibling stream's vtable of the same type is not reuse of a saved one", () => {
    const saved = vtable('stream_vtbl', 'stream_split', OPS)
    expect(bestFor(saved, vtable('stream_vtbl', 'stream_zip', OPS)).reuse).toBe(false)
  })

  it('the saved vtable with every name renamed, its type too, is still reuse', () => {
    const saved = vtable('stream_vtbl', 'stream_split', OPS)
    const renamed = lines(
      'static r_type r_table = {',
      ...OPS.map((_, i) => `    r_entry${i},`),
      '};',
    )
    const { best, reuse } = bestFor(saved, renamed)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })
})
