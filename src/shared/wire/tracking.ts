import { Type, type Static } from 'typebox'
import { schemaMember } from './common'

// /track request (spec §6.6). Tracking is best-effort analytics and the newest SDKs send only
// `schema`, so every member is optional and the event shapes are accepted as any object: the
// connector stores what it gets.

/** Any tracked event: normally `{ identifier_description_pair: { <event>: <sentence> }, … }`. */
export const SeededTrackedEvent = Type.Object({
  ...schemaMember,
  identifier_description_pair: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
})
export type SeededTrackedEvent = Static<typeof SeededTrackedEvent>

/** The members of SeededConnectorTracking, in the order of the spec. */
export const TRACKED_EVENT_MEMBERS = [
  'format',
  'asset',
  'interaction',
  'keyboard',
  'session',
  'assets',
  'ml',
  'adoption',
  'conversation',
  'conversation_message',
  'workstream_summary',
] as const
export type TrackedEventMember = (typeof TRACKED_EVENT_MEMBERS)[number]

const Event = Type.Optional(SeededTrackedEvent)

export const SeededConnectorTracking = Type.Object({
  ...schemaMember,
  format: Event,
  asset: Event,
  interaction: Event,
  keyboard: Event,
  session: Event,
  assets: Event,
  ml: Event,
  adoption: Event,
  conversation: Event,
  conversation_message: Event,
  workstream_summary: Event,
})
export type SeededConnectorTracking = Static<typeof SeededConnectorTracking>
