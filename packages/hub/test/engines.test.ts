import { describe, expect, it } from 'vitest';
import { loadAdapter } from '../src/engines.js';

describe('loadAdapter', () => {
  it('explains an engine package that is not installed, naming the package to install', async () => {
    const missing = Object.assign(new Error("Cannot find package '@interlock/store-postgres'"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(loadAdapter('@interlock/store-postgres', () => Promise.reject(missing))).rejects.toThrow(
      'The config names an engine from @interlock/store-postgres, which is not installed: npm install @interlock/store-postgres',
    );
  });

  it('passes any other failure on unchanged, and the module when it loads', async () => {
    const broken = new Error('syntax error in the adapter');
    await expect(loadAdapter('@interlock/queue-bullmq', () => Promise.reject(broken))).rejects.toBe(broken);
    await expect(loadAdapter('@interlock/store-sqlite', () => Promise.resolve({ open: 1 }))).resolves.toEqual({ open: 1 });
  });
});
