export { consoleConfigSchema, CONSOLE_ROLES, type ConsoleConfig, type ConsoleOperatorConfig, type ConsoleRole } from './config.js';
export { consoleRoutes, type ConsoleOptions, type ConsoleProvider } from './routes.js';
