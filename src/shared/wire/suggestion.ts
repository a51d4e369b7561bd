import { Type, type Static } from 'typebox'
import { schemaMember } from './common'
import { Assets } from './asset'
import { SeededConnectorCreation } from './seeds'

// /suggestion response and /reaction request (spec §6.4, §6.5).

export const ReuseSuggestion = Type.Object({
  ...schemaMember,
  suggested: Type.Boolean(),
  assets: Assets,
})
export type ReuseSuggestion = Static<typeof ReuseSuggestion>

export const SaveSuggestion = Type.Object({
  ...schemaMember,
  suggested: Type.Boolean(),
})
export type SaveSuggestion = Static<typeof SaveSuggestion>

export const SuggestionTarget = Type.Object({
  ...schemaMember,
  seed: SeededConnectorCreation,
  /** A single integer the server derives from the target (Python clients insist on an int). */
  vector: Type.Integer(),
})
export type SuggestionTarget = Static<typeof SuggestionTarget>

export const Suggestion = Type.Object({
  ...schemaMember,
  reuse: ReuseSuggestion,
  save: SaveSuggestion,
  target: SuggestionTarget,
  /** The assets the target was compared with. */
  assets: Assets,
  /** Asset id → similarity to the target. */
  distribution: Type.Optional(Type.Record(Type.String(), Type.Number())),
})
export type Suggestion = Static<typeof Suggestion>

export const ReuseReaction = Type.Object({
  ...schemaMember,
  asset: Type.String({ minLength: 1 }),
})
export type ReuseReaction = Static<typeof ReuseReaction>

export const Reaction = Type.Object({
  ...schemaMember,
  save: Type.Boolean(),
  reuse: Type.Optional(ReuseReaction),
  seed: SeededConnectorCreation,
})
export type Reaction = Static<typeof Reaction>
