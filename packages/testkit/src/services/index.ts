export { listening, POSTGRES_SERVICE, REDIS_SERVICE, requireServices, type Service } from './require-services.js';
