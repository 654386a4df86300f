import { fieldMappingTable } from '@interlock/core';
import { propertyKey, quote, stringRecord } from '../render.js';
import type { DomainTemplate, FieldMappingSpec, GeneratedFile, TemplateContext } from '../template.js';

/** The envelopes every provider has: list pages, webhook events and error bodies. Template values. */
const ENVELOPE_FIELDS: readonly FieldMappingSpec[] = [
  { constant: 'LIST_FIELDS', title: 'List page', inbound: { items: 'data', hasMore: 'has_more' }, outbound: {} },
  {
    constant: 'EVENT_FIELDS',
    title: 'Webhook event',
    inbound: { id: 'id', type: 'type', createdAt: 'created_at', object: 'data.object' },
    outbound: {},
  },
  { constant: 'ERROR_FIELDS', title: 'Error body → IntegrationError', inbound: { code: 'error.code', message: 'error.message' }, outbound: {} },
];

/** The page size and cursor parameters every list endpoint takes. Template values. */
const PAGE_PARAMS: Readonly<Record<string, string>> = { limit: 'limit', startingAfter: 'starting_after' };

/** Every mapping of a connector of `domain`, in the order fields.ts declares them and the README shows them. */
function fieldMappingsOf(domain: DomainTemplate): readonly FieldMappingSpec[] {
  return [...domain.fieldMappings, ...ENVELOPE_FIELDS];
}

/** The README's field tables, rendered by the same core function the generated README test compares with. */
export function fieldTables({ names, domain }: TemplateContext): string {
  return fieldMappingsOf(domain)
    .map((spec) => fieldMappingTable({ provider: names.id, inbound: spec.inbound, outbound: spec.outbound }, { title: spec.title }))
    .join('\n\n');
}

function mappingDeclaration(spec: FieldMappingSpec, provider: string): string {
  return `export const ${spec.constant} = defineFieldMapping({
  provider: ${provider},
  inbound: ${stringRecord(spec.inbound, '  ')},
  outbound: ${stringRecord(spec.outbound, '  ')},
});`;
}

/** src/fields.ts: every provider field name as a named constant, read with core's fieldReader. */
export function fieldsFile({ names, domain }: TemplateContext): GeneratedFile {
  const provider = `${names.constant}_PROVIDER`;
  const mappings = fieldMappingsOf(domain);
  const listed = mappings.map((spec) => `  { title: ${quote(spec.title)}, mapping: ${spec.constant} },`).join('\n');
  const params = Object.entries({ ...PAGE_PARAMS, ...domain.queryParams })
    .map(([name, wire]) => `  ${propertyKey(name)}: ${quote(wire)},`)
    .join('\n');
  return {
    path: 'src/fields.ts',
    content: `import { defineFieldMapping } from '@interlock/core';
import { ${provider} } from './provider.js';

/*
 * The provider's field names, declared once per object: transforms read and write through these
 * mappings only. Template value: every path, from the provider's spec (../shared/providers/) or
 * docs. The README shows each mapping as a table, and a test keeps the two equal.
 */

${mappings.map((spec) => mappingDeclaration(spec, provider)).join('\n\n')}

/** Query parameters of the list endpoints. */
export const LIST_PARAMS = {
${params}
} as const;

/** Every mapping, titled as the README's field tables show them. */
export const ${names.constant}_FIELD_MAPPINGS = [
${listed}
] as const;
`,
  };
}
