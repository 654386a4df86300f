import type { Options } from 'tsup';

/** The shared build; the return value is only ever handed to tsup as the config's default export. */
export declare function interlockTsupConfig(entry: Record<string, string>, extra?: Options): object;
