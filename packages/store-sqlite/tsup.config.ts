import { interlockTsupConfig } from '@interlock/tsup-config';

// The checkpoint thread resolves better-sqlite3 from import.meta.url, which the CJS build must shim.
export default interlockTsupConfig({ index: 'src/index.ts' }, { shims: true });
