export * from './errors/index.js';
export * from './clock/index.js';
export * from './telemetry/index.js';
export * from './ids/index.js';
export * from './redaction/index.js';
