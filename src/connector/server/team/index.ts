export { createTeam, type Team, type TeamDeps, type TeamStatus } from './team-sync'
export {
  clientConfig,
  describeLibrary,
  isTeamUrl,
  redactUrl,
  urlHasPassword,
  TeamUrlError,
  teamOptionsFrom,
  type TeamOptions,
} from './team-options'
export { registerTeamRoutes } from './team-routes'
export { TEAM_MIGRATIONS, MEMBER_ROLE, migrateTeamSchema } from './team-schema'
