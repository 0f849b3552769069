/** The ingest surface other parts call (CLI, HTTP ingest, demo generator). */
export { importLines, importFile, MAX_REPORTED_ERRORS, type ImportOptions } from './importLines';
export { isGzip, jsonArrayLines, ndjsonTextLines, readFileLines } from './lines';
export { syncSubcountConfig, subcountConfigHash } from './subcountConfig';
export { formatIssue, ImportError, type ImportIssue, type ImportSummary, type ImportProgress } from './types';
export { edtfStartDay } from './edtf';
