/** The parts of a mapping the table needs, so any `FieldMapping` can be passed in. */
export interface FieldMappingDescription {
  readonly provider: string;
  readonly inbound: Readonly<Record<string, string>>;
  readonly outbound: Readonly<Record<string, string>>;
}

// Code-unit order, so the table is the same on every machine whatever its locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// A pipe would end a Markdown table cell, a newline the row.
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * A Markdown table of a mapping (`| canonical field | provider field | direction |`), sorted by
 * canonical field then direction, for a connector's README or the support console.
 */
export function fieldMappingTable(mapping: FieldMappingDescription, options: { title?: string } = {}): string {
  const rows = [
    ...Object.entries(mapping.inbound).map(([canonical, path]) => [canonical, path, 'inbound'] as const),
    ...Object.entries(mapping.outbound).map(([canonical, path]) => [canonical, path, 'outbound'] as const),
  ].sort((a, b) => compare(a[0], b[0]) || compare(a[2], b[2]));

  const lines = [
    '| canonical field | provider field | direction |',
    '| --- | --- | --- |',
    ...rows.map(([canonical, path, direction]) => `| ${cell(canonical)} | ${cell(path)} | ${direction} |`),
  ];
  const title = options.title === undefined ? [] : [`### ${cell(options.title)}`, ''];
  return [...title, ...lines].join('\n');
}
