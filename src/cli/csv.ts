/** The entry CSV lives with the batch, which formats records in its workers. */
export { CSV_COLUMNS, csvHeader, csvRows, documentRows } from '../batch/csv.js';
