import { describe, expect, it } from 'vitest';
import { loadOptional } from '../src/optional-package.js';

describe('loadOptional', () => {
  it('explains a package that is not installed, naming what needs it and the command that installs it', async () => {
    const missing = Object.assign(new Error("Cannot find package '@interlock/store-postgres'"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(loadOptional('@interlock/store-postgres', 'The config names an engine that', () => Promise.reject(missing))).rejects.toThrow(
      'The config names an engine that needs @interlock/store-postgres, which is not installed: npm install @interlock/store-postgres',
    );
    const missingCjs = Object.assign(new Error("Cannot find module '@opentelemetry/sdk-node'"), { code: 'MODULE_NOT_FOUND' });
    await expect(loadOptional('@opentelemetry/sdk-node', 'Exporting OpenTelemetry', () => Promise.reject(missingCjs))).rejects.toThrow('npm install @opentelemetry/sdk-node');
  });

  it('passes any other failure on unchanged, and the module when it loads', async () => {
    const broken = new Error('syntax error in the adapter');
    await expect(loadOptional('@interlock/queue-bullmq', 'The config names an engine that', () => Promise.reject(broken))).rejects.toBe(broken);
    await expect(loadOptional('@interlock/store-sqlite', 'The config names an engine that', () => Promise.resolve({ open: 1 }))).resolves.toEqual({ open: 1 });
  });
});
