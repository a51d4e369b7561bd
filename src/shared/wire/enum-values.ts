// Enum value lists of the Connector API (spec §5; ApplicationNameEnum includes the 5.0.0 additions
// of §7). Kept apart from the schemas so both sides can list or test values without TypeBox.

/** Known `ApplicationNameEnum` values. */
export const APPLICATION_NAMES = [
  'UNKNOWN',
  'SUBLIME',
  'VS_CODE',
  'JETBRAINS',
  'FIREFOX_ADDON_MV2',
  'FIREFOX_ADDON_MV3',
  'SAFARI_EXTENSION_MV2',
  'SAFARI_EXTENSION_MV3',
  'PIECES_FOR_DEVELOPERS',
  'PIECES_FOR_DEVELOPERS_CLI',
  'OS_SERVER',
  'GOOGLE_CHROME_EXTENSION_MV2',
  'GOOGLE_CHROME_EXTENSION_MV3',
  'ULTRA_EDIT',
  'ATOM_PACKAGE',
  'ADOBE_ILLUSTRATOR_PIECES_COLOR_SHARE',
  'MICROSOFT_TEAMS',
  'CHAT_GPT',
  'OBSIDIAN',
  'JUPYTER_HUB',
  'VISUAL_STUDIO',
  'MICROSOFT_EDGE',
  'BRAVE',
  'GOOGLE_CHAT',
  'SLACK',
  'AZURE_DATA_STUDIO',
  'OPEN_SOURCE',
  'R_STUDIO',
  'VIM',
  'NOTION',
  'GITHUB_DESKTOP',
  'RAYCAST',
  'REPLIT',
  'ALFRED',
  'FIGMA',
  'SKETCH',
  'ADOBE_ILLUSTRATOR',
  'NOTEPAD_PLUS_PLUS',
  'EMBEETLE',
  'ECLIPSE',
  'X_CODE',
  'NETBEANS',
  'OPERA',
  'PIECES_SAVED_MATERIALS_APPLET',
  'PIECES_SETTINGS_APPLET',
  'PIECES_WORKSTREAM_ACTIVITY_APPLET',
  'PIECES_OS_TOOLBAR_APPLET',
  'PIECES_COPILOT_APPLET',
  'MCP_CLIENT',
] as const

/** Known `PlatformEnum` values. */
export const PLATFORMS = [
  'UNKNOWN',
  'WEB',
  'MACOS',
  'LINUX',
  'WINDOWS',
  'FUCHSIA',
  'IOS',
  'ANDROID',
] as const

/** Known `CapabilitiesEnum` values. */
export const CAPABILITIES = ['UNKNOWN', 'LOCAL', 'CLOUD', 'BLENDED'] as const

/** Known `PrivacyEnum` values. */
export const PRIVACIES = ['UNKNOWN', 'OPEN', 'CLOSED', 'ANONYMOUS'] as const

/** Known `MechanismEnum` values. */
export const MECHANISMS = [
  'UNKNOWN',
  'MANUAL',
  'RECOMMENDED',
  'AUTOMATIC',
  'INTERNAL',
  'DELETED',
  'EXTERNAL_AGENT',
] as const

/** Known `ClassificationGenericEnum` values. */
export const CLASSIFICATION_GENERICS = [
  'UNKNOWN',
  'CODE',
  'TEXT',
  'IMAGE',
  'VIDEO',
  'EXTERNAL_RESOURCE_REFERENCE',
  'FILE',
] as const

/** Known `ClassificationRenderingEnum` values. */
export const CLASSIFICATION_RENDERINGS = [
  'UNKNOWN',
  'HTML',
  'TWENTY_FOUR_BIT_ANSI_ESCAPED_SEQUENCES',
  'HIGHLIGHT_JS_HTML',
] as const

/** Known `Role` values. */
export const ROLES = ['UNKNOWN', 'ORIGINAL', 'ADDITIONAL', 'BOTH', 'PREVIEW'] as const

/** Known `TagCategoryEnum` values. */
export const TAG_CATEGORIES = ['UNKNOWN', 'HANDLE', 'EMAIL'] as const

/** Known `SensitiveCategoryEnum` values. */
export const SENSITIVE_CATEGORIES = [
  'UNKNOWN',
  'SECRET',
  'API_KEY',
  'CLIENT_ID',
  'CLIENT_SECRET',
  'SECRET_KEY',
  'API_TOKEN',
  'ACCESS_KEY',
  'ACCESS_TOKEN',
  'URL',
  'PUBLIC_KEY',
  'PRIVATE_KEY',
  'API_ID',
  'WEB_HOOK_URL',
] as const

/** Known `SensitiveSeverityEnum` values. */
export const SENSITIVE_SEVERITIES = ['UNKNOWN', 'LOW', 'MODERATE', 'HIGH'] as const

/** Known `AnnotationTypeEnum` values. */
export const ANNOTATION_TYPES = [
  'UNKNOWN',
  'DESCRIPTION',
  'COMMENT',
  'DOCUMENTATION',
  'SUMMARY',
  'EXPLANATION',
  'GIT_COMMIT',
] as const
