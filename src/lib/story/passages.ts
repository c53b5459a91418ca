/**
 * The article's passages and the quotes features highlight in them. Pure: used by the loader
 * to check quotes and by the article panel to render the quoted words in a `<mark>`.
 */

/** What this module needs of a passage (the schema's `Passage` fits). */
export interface PassageText {
	id: string;
	text: string;
}

/** A half-open range of UTF-16 offsets `[start, end)` into a passage's text, as `String.slice` takes. */
export type TextRange = [start: number, end: number];

/** Passages by id. */
export function passageMap<P extends PassageText>(passages: readonly P[]): Map<string, P> {
	return new Map(passages.map((passage) => [passage.id, passage]));
}

/** The passage with this id, if any. */
export function passageById<P extends PassageText>(
	passages: readonly P[],
	id: string
): P | undefined {
	return passages.find((passage) => passage.id === id);
}

/** Where `quote` first occurs verbatim in `text`, or `null`. An empty quote is never found. */
export function quoteRange(text: string, quote: string): TextRange | null {
	if (quote === '') return null;
	const start = text.indexOf(quote);
	return start === -1 ? null : [start, start + quote.length];
}

/** The first of `ids` whose passage contains `quote` verbatim, with the quote's range in it. */
export function findQuote(
	passages: ReadonlyMap<string, PassageText>,
	ids: readonly string[],
	quote: string
): { passage: string; range: TextRange } | null {
	for (const id of ids) {
		const passage = passages.get(id);
		const range = passage ? quoteRange(passage.text, quote) : null;
		if (range) return { passage: id, range };
	}
	return null;
}

/** The text split around a range, for rendering `before<mark>marked</mark>after`. */
export function splitAtRange(
	text: string,
	range: TextRange | null
): { before: string; marked: string; after: string } {
	if (!range) return { before: text, marked: '', after: '' };
	const [start, end] = range;
	return { before: text.slice(0, start), marked: text.slice(start, end), after: text.slice(end) };
}

/** The first `n` words of a text (split on whitespace), joined by single spaces. */
export function firstWords(text: string, n: number): string {
	if (n <= 0) return '';
	return text.trim().split(/\s+/).filter(Boolean).slice(0, n).join(' ');
}

/** Text with runs of whitespace collapsed and typographic quotes made straight: for near-miss hints only. */
function loosen(text: string): string {
	return text
		.replace(/[\u2018\u2019\u201B\u2032]/g, "'")
		.replace(/[\u201C\u201D\u201F\u2033]/g, '"')
		.replace(/[\u2013\u2014]/g, '-')
		.replace(/\s+/g, ' ')
		.toLowerCase();
}

/**
 * When a quote is not found verbatim, why it may have missed: the words are there but differ
 * in case, spacing, quote marks or dashes. `undefined` when even that does not match.
 */
export function nearMiss(text: string, quote: string): string | undefined {
	if (quote.trim() === '') return undefined;
	if (loosen(text).includes(loosen(quote))) {
		return 'the words are there but differ in case, spacing, quote marks or dashes';
	}
	return undefined;
}
