/**
 * Lists flattened into one text value, for formats whose cells hold text only (CSV cells,
 * KML `<Data>` values). One way of writing each, so the CSV and the KML read the same.
 */
import type { Source } from '$lib/story/schema';
import type { ExportRecord, PassageRef } from './records';

/** Countries as a list: the data gives one name or several. */
export function countryList(country: string | string[]): string[] {
	return typeof country === 'string' ? [country] : country;
}

/** `Syria; Turkey`. */
export function flatCountries(country: string | string[]): string {
	return countryList(country).join('; ');
}

/** `p3;p7`: passage ids are `p<N>`, so no separator can be mistaken for part of one. */
export function flatPassages(passages: readonly PassageRef[]): string {
	return passages.map((p) => p.id).join(';');
}

/** Where the quote is in each passage that holds it: `p3:12-40;p7:0-15` (UTF-16 offsets, end excluded). */
export function flatQuoteOffsets(passages: readonly PassageRef[]): string {
	return passages
		.filter((p) => p.start !== undefined)
		.map((p) => `${p.id}:${p.start}-${p.end}`)
		.join(';');
}

/** `title <url>; title`: the URL as the data gives it, in angle brackets as in plain-text mail. */
export function flatSources(sources: readonly Source[]): string {
	return sources.map((s) => (s.url ? `${s.title} <${s.url}>` : s.title)).join('; ');
}

/** A feature's value in a flat format: text from the data, or a number (a distance). */
export type FlatValue = string | number | undefined;

/**
 * A feature's provenance as named flat values, in the CSV's column order: the CSV writes them
 * all (then its geometry columns), the KML's `<ExtendedData>` a selection. One definition of
 * what each name holds, so the two formats never disagree.
 */
export const FLAT_FIELDS: readonly [name: string, value: (r: ExportRecord) => FlatValue][] = [
	['fid', (r) => r.fid],
	['layer', (r) => r.layer.id],
	['layerTitle', (r) => r.layer.title],
	['event', (r) => r.event.id],
	['eventTitle', (r) => r.event.title],
	['eventStart', (r) => r.event.start],
	['eventEnd', (r) => r.event.end ?? ''],
	['kind', (r) => r.properties.kind],
	['kindLabel', (r) => r.kind.label],
	['title', (r) => r.properties.title],
	['date', (r) => r.properties.date],
	['country', (r) => flatCountries(r.properties.country)],
	['waters', (r) => r.properties.waters],
	['precision', (r) => r.properties.precision],
	['uncertaintyKm', (r) => r.properties.uncertaintyKm],
	['claimedBy', (r) => r.properties.claimedBy],
	['claimDate', (r) => r.properties.claimDate],
	['label', (r) => r.properties.label],
	['passages', (r) => flatPassages(r.passages)],
	['quote', (r) => r.properties.quote],
	['quoteOffsets', (r) => flatQuoteOffsets(r.passages)],
	['sources', (r) => flatSources(r.properties.sources)],
	['summary', (r) => r.properties.summary],
	['note', (r) => r.properties.note],
	['derivedFrom', (r) => r.properties.derivedFrom],
	['lengthKm', (r) => r.properties.lengthKm],
	['eventUrl', (r) => r.eventUrl],
	['geometryType', (r) => r.geometry.type]
];
