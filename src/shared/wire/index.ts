// The Connector API wire schemas (TypeBox): one source of truth for the embedded connector, which
// validates requests with them, and for the client, which takes its types from them. Wire keys are
// exactly those of the spec (some snake_case). Objects tolerate unknown keys; enums accept values
// added by newer SDKs (upper snake case), see OpenEnum.

export * from './enums'
export * from './common'
export * from './seeds'
export * from './connect'
export * from './asset'
export * from './people'
export * from './suggestion'
export * from './tracking'
export * from './assets-api'
export * from './pieces-api'
export type * from './pieces-user'
