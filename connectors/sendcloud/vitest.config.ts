import { interlockVitestConfig } from '@interlock/vitest-config';

export default interlockVitestConfig({ lines: 90 });
