import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCredentials } from '../src/credentials.js';
import { ECHO_WITNESS } from '../src/echoing-provider.js';
import { findLeaks } from '../src/detector.js';
import { Matrix } from '../src/matrix.js';
import { failEveryConnector } from '../src/outputs/connector-failures.js';
import { errorText } from '../src/outputs/errors.js';
import { telemetryText } from '../src/outputs/telemetry.js';
import { SHAPES } from '../src/shapes.js';

const credentials = generateCredentials();
const matrix = new Matrix(SHAPES.map((shape) => shape.name));

afterAll(() => {
  console.log(`redaction sweep: credential shapes x outputs\n${matrix.render()}`);
});

/**
 * One output's column: every shape's secrets looked for in all the text the output produced.
 * `witness` is text the output must contain, proving the hostile provider's echo reached it.
 */
function sweep(output: string, produce: () => Promise<string>, witness?: string): void {
  describe(output, () => {
    let text = '';
    beforeAll(async () => {
      text = await produce();
      // An output that wrote nothing would pass every cell; the sweep needs it to have spoken.
      expect(text.length).toBeGreaterThan(0);
      if (witness !== undefined) expect(text).toContain(witness);
    });
    it.each(SHAPES)('$name', (shape) => {
      const leaks = findLeaks(text, shape.secrets(credentials));
      matrix.record(shape.name, output, leaks.length === 0 ? 'clean' : 'LEAK');
      expect(leaks).toEqual([]);
    });
  });
}

const failures = failEveryConnector(credentials);
sweep('telemetry', async () => telemetryText(await failures));
sweep('errors', async () => errorText(await failures), ECHO_WITNESS);
