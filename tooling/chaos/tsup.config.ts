import { interlockTsupConfig } from '@interlock/tsup-config';

// Programs, not a library: the hub's child process and the benchmark's entry, one ESM file each.
export default interlockTsupConfig({ child: 'src/child.ts', main: 'src/main.ts' }, { format: ['esm'], dts: false });
