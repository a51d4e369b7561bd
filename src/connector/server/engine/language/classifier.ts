import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** Language scores from the model, best first. */
export interface ModelGuess {
  languageId: string
  confidence: number
}

/** Loads a classifier: a function from text to guesses. */
export type ClassifierLoader = () => Promise<(text: string) => Promise<ModelGuess[]>>

/**
 * Loads guesslang's model as `@vscode/vscode-languagedetection` ships it, reading model.json and
 * the weights from the package folder ourselves: its default loader resolves them from its own
 * `__dirname`, which no longer holds once the main process is bundled.
 */
export const loadPackagedClassifier: ClassifierLoader = async () => {
  const require = createRequire(__filename)
  const root = dirname(require.resolve('@vscode/vscode-languagedetection/package.json'))
  // The package is CommonJS: loaders that do not detect its named exports (Playwright's
  // TypeScript loader) put them under `default` only.
  const loaded = await import('@vscode/vscode-languagedetection')
  const ModelOperations = loaded.ModelOperations ?? loaded.default?.ModelOperations
  if (!ModelOperations) throw new Error('The language model package has no ModelOperations export.')
  const model = new ModelOperations({
    modelJsonLoaderFunc: async () =>
      JSON.parse(await readFile(join(root, 'model', 'model.json'), 'utf8')),
    weightsLoaderFunc: async () => {
      const bytes = await readFile(join(root, 'model', 'group1-shard1of1.bin'))
      return bytes.buffer.slice(
        bytes.byteOffset,
        bytes.byteOffset + bytes.byteLength,
      ) as ArrayBuffer
    },
  })
  return (text) => model.runModel(text)
}
