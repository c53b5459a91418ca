/**
 * The story as a spreadsheet: one row per feature, lists flattened (`flat.ts`). RFC 4180
 * (CRLF line ends, fields with `"`, `,`, CR or LF quoted) with a UTF-8 byte order mark, which
 * Excel needs to read UTF-8 at all. Points also get `longitude` and `latitude` columns;
 * every row's geometry is in `wkt`, written by `@terraformer/wkt` (small, no dependencies,
 * maintained with the rest of Esri's Terraformer), so one column maps every row in QGIS.
 */
import { geojsonToWKT } from '@terraformer/wkt';
import type { CompiledStory } from '$lib/story/compiled';
import { FLAT_FIELDS, type FlatValue } from './flat';
import { exportRecords, type ExportOptions, type ExportRecord } from './records';

export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8; header=present';

/**
 * A cell's value: text from the data, or a number this module computed (a coordinate, a
 * distance). Only text is neutralised: `-12.5` in `longitude` must stay a number.
 */
export type CsvValue = FlatValue;

/**
 * What a spreadsheet may take for a formula at the start of a cell (OWASP's CSV injection
 * list): such text gets a leading `'`, which spreadsheets read as "this is text".
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, neutralised against formulas and quoted as RFC 4180 asks. */
export function csvCell(value: CsvValue): string {
	if (value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line: cells joined, CRLF-terminated. */
export function csvLine(values: readonly CsvValue[]): string {
	return `${values.map(csvCell).join(',')}\r\n`;
}

/** The columns, in order: every flat field (`flat.ts`), then where the feature is. */
const COLUMNS: readonly [name: string, value: (r: ExportRecord) => CsvValue][] = [
	...FLAT_FIELDS,
	['longitude', (r) => (r.geometry.type === 'Point' ? r.geometry.coordinates[0] : undefined)],
	['latitude', (r) => (r.geometry.type === 'Point' ? r.geometry.coordinates[1] : undefined)],
	['wkt', (r) => geojsonToWKT(r.geometry)]
];

/** The column names, in file order. */
export const CSV_COLUMNS: readonly string[] = COLUMNS.map(([name]) => name);

/**
 * The CSV file's text, a row at a time (a large story's whole file is more text than one
 * string may hold), byte order mark first: serve it encoded as UTF-8.
 */
export function* storyCsvChunks(story: CompiledStory, options: ExportOptions): Generator<string> {
	yield `\uFEFF${csvLine(CSV_COLUMNS)}`;
	for (const r of exportRecords(story, options))
		yield csvLine(COLUMNS.map(([, value]) => value(r)));
}

/** The CSV file's text, whole. */
export function storyCsv(story: CompiledStory, options: ExportOptions): string {
	return [...storyCsvChunks(story, options)].join('');
}
