export { defineFieldMapping, type FieldMapping } from './field-mapping.js';
export { fieldMappingTable, type FieldMappingDescription } from './field-mapping-table.js';
export { enumText, fieldReader, type FieldReader, type FieldReaderOptions, type FieldValue } from './field-reader.js';
