import type { EmbeddedModelSchema, GroupedTimestamp } from './common'

// The user and model lists Pieces integrations read at start. Responses only: nothing here is
// ever sent to the connector, so plain types rather than schemas (UserProfile is in connect.ts).

/** `Model`: an entry of `GET /models`. */
export interface Model {
  schema?: EmbeddedModelSchema
  id: string
  version: string
  created: GroupedTimestamp
  name: string
  description?: string
  cloud: boolean
  type: string
  usage: string
  downloaded?: boolean
  loaded?: boolean
  unique?: string
  provider?: string
  foundation?: string
  cpu?: boolean
  downloading?: boolean
  custom?: boolean
  maxTokens?: { total: number | null; input?: number | null; output?: number | null }
}

/** `GET /models` answer. */
export interface Models {
  schema?: EmbeddedModelSchema
  iterable: Model[]
}
