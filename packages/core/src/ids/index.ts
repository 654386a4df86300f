export { sortableId, sortableIdTime } from './sortable-id.js';
