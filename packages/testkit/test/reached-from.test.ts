import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reachedFrom } from '../src/index.js';

const dist = mkdtempSync(join(tmpdir(), 'interlock-reach-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('reachedFrom', () => {
  it('follows every kind of relative import through shared chunks, and lists the packages named', () => {
    writeFileSync(join(dist, 'index.js'), `import { a } from './chunk-a.js';\nexport * from "./chunk-b.js";\nimport '@interlock/core';\nconst c = await import('./lazy.js');`);
    writeFileSync(join(dist, 'chunk-a.js'), `import { z } from 'zod';\nexport const a = 1;`);
    writeFileSync(join(dist, 'chunk-b.js'), `const t = require('./testing-chunk.cjs');`);
    writeFileSync(join(dist, 'testing-chunk.cjs'), `require('@interlock/testkit');`);
    writeFileSync(join(dist, 'lazy.js'), `import './chunk-a.js';`);
    writeFileSync(join(dist, 'unreached.js'), `import 'nock';`);
    const reach = reachedFrom(dist, 'index.js');
    expect(reach.files.sort()).toEqual(['chunk-a.js', 'chunk-b.js', 'index.js', 'lazy.js', 'testing-chunk.cjs']);
    expect(reach.packages.sort()).toEqual(['@interlock/core', '@interlock/testkit', 'zod']);
  });
});
