import { interlockTsupConfig } from '@interlock/tsup-config';

// The simulation is its own entry, so loading the connector never loads it.
export default interlockTsupConfig({ index: 'src/index.ts', testing: 'testing/index.ts' });
