import { interlockTsupConfig } from '@interlock/tsup-config';

export default interlockTsupConfig({ index: 'src/index.ts', simulator: 'src/simulator.ts', vitest: 'src/vitest.ts' }, { external: ['vitest'] });
