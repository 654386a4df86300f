import { afterAll, expect, it } from 'vitest';
import type { Credentials } from '../src/credentials.js';
import { judgeCell } from '../src/cell.js';
import { Matrix } from '../src/matrix.js';
import { SHAPES } from '../src/shapes.js';

/**
 * The sweep's cells: one test per credential shape for each output column, each recorded in the
 * matrix printed when the file ends.
 */
export function sweepCells(credentials: Credentials): (output: string, read: () => string | undefined, witnesses: readonly string[]) => void {
  const matrix = new Matrix(SHAPES.map((shape) => shape.name));
  afterAll(() => {
    console.log(`redaction sweep: credential shapes x outputs\n${matrix.render()}`);
  });
  /**
   * One output's column: `read` gives all the text the output produced, or undefined when its
   * services are missing outside CI. `witnesses` are texts the output must hold, proving the
   * credentials were in play and the hostile side's words reached it (a column that heard nothing
   * would be clean by construction).
   */
  return (output, read, witnesses) => {
    it.for(SHAPES)(`${output}: $name`, (shape, context) => {
      const text = read();
      if (text === undefined) {
        matrix.record(shape.name, output, 'skipped');
        return context.skip();
      }
      const finding = judgeCell(text, shape.secrets(credentials), witnesses);
      matrix.record(shape.name, output, finding.leaks.length === 0 ? 'clean' : 'LEAK');
      expect(finding).toEqual({ leaks: [], missing: [] });
    });
  };
}
