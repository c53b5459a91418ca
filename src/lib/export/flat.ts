/**
 * Lists flattened into one text value, for formats whose cells hold text only (CSV cells,
 * KML `<Data>` values). One way of writing each, so the CSV and the KML read the same.
 */
import type { Source } from '$lib/story/schema';
import type { PassageRef } from './records';

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
