/** One credential found in a text; offsets are UTF-16 indices into the text that was scanned. */
export interface SecretFinding {
  /** Stable rule id, e.g. `aws-access-key`, used in `<redacted:kind>`. */
  kind: string
  /** The spec's SensitiveCategoryEnum value. */
  category:
    | 'SECRET'
    | 'API_KEY'
    | 'CLIENT_ID'
    | 'CLIENT_SECRET'
    | 'SECRET_KEY'
    | 'API_TOKEN'
    | 'ACCESS_KEY'
    | 'ACCESS_TOKEN'
    | 'URL'
    | 'PUBLIC_KEY'
    | 'PRIVATE_KEY'
    | 'API_ID'
    | 'WEB_HOOK_URL'
  severity: 'LOW' | 'MODERATE' | 'HIGH'
  start: number
  end: number
  /** A sentence for people; never contains the secret value. */
  description: string
}
