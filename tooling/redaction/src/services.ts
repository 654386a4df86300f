import { POSTGRES_SERVICE, REDIS_SERVICE } from '@interlock/testkit';

export const POSTGRES_URL = `postgres://postgres@${POSTGRES_SERVICE.host}:${POSTGRES_SERVICE.port}/test`;
export const REDIS = { host: REDIS_SERVICE.host, port: REDIS_SERVICE.port } as const;
