import type { Options } from 'tsup';

export declare function interlockTsupConfig(entry: Record<string, string>, extra?: Options): ReturnType<typeof import('tsup').defineConfig>;
