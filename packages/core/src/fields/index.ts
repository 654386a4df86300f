export { defineFieldMapping, type FieldMapping } from './field-mapping.js';
export { fieldMappingTable, type FieldMappingDescription } from './field-mapping-table.js';
