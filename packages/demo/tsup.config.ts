import { interlockTsupConfig } from '@interlock/tsup-config';

// A program, not a library: nothing imports it, so one ESM file without declarations.
export default interlockTsupConfig({ main: 'src/main.ts' }, { format: ['esm'], dts: false });
