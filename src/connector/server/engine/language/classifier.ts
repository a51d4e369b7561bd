/** A language model: scores per language id for a text. */
export type ClassifierLoader = () => Promise<unknown>
