// Credential detection shared by the core (nothing secret leaves the process) and the embedded
// connector (nothing secret is stored or suggested for saving). Plain TypeScript, no I/O.
export type { SecretFinding } from './finding'
export { entropy } from './entropy'
export { GITLEAKS_RULE_IDS, GITLEAKS_SOURCE, EXCLUDED_GITLEAKS_RULES } from './gitleaks'
export { CONTEXT_RULES } from './context-rules'
export { MAX_SCAN_WORK, UNCHECKED_KIND, redactSecrets, scanSecrets, type ScanOptions } from './scan'
