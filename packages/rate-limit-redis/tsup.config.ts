import { interlockTsupConfig } from '@interlock/tsup-config';

export default interlockTsupConfig({ index: 'src/index.ts' });
