/** What one cell says: no secret of the shape in the output, a leak, or not run (a service missing outside CI). */
export type Verdict = 'clean' | 'LEAK' | 'skipped';

/** The sweep's result, shapes down and outputs across, printed at the end of the run. */
export class Matrix {
  private readonly cells = new Map<string, Verdict>();
  private readonly outputs: string[] = [];

  constructor(private readonly shapes: readonly string[]) {}

  record(shape: string, output: string, verdict: Verdict): void {
    if (!this.outputs.includes(output)) this.outputs.push(output);
    this.cells.set(`${shape}\u0000${output}`, verdict);
  }

  render(): string {
    const first = Math.max(...this.shapes.map((shape) => shape.length));
    const widths = this.outputs.map((output) => Math.max(output.length, 7));
    const row = (head: string, values: readonly string[]): string => [head.padEnd(first), ...values.map((value, i) => value.padEnd(widths[i] ?? 0))].join(' | ');
    const lines = [row('credential shape', this.outputs), row('', widths.map((width) => '-'.repeat(width))).replace(/ /g, '-')];
    for (const shape of this.shapes) lines.push(row(shape, this.outputs.map((output) => this.cells.get(`${shape}\u0000${output}`) ?? '-')));
    return lines.join('\n');
  }
}
