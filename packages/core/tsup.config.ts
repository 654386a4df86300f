import { interlockTsupConfig } from '@interlock/tsup-config';

// ky is ESM-only: `require("ky")` from the CommonJS build fails (ERR_REQUIRE_ESM before Node
// 20.19, a namespace without a callable default after). Bundled, both builds carry it.
export default interlockTsupConfig({ index: 'src/index.ts', testing: 'src/testing.ts' }, { noExternal: ['ky'] });
