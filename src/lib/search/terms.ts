/**
 * How words are compared in search: the index and the query both go through `normaliseTerm`,
 * so "Yayladagi" meets "Yayladağı" and "PARIS" meets "Paris". Pure, shared by the build (which
 * writes the index) and the browser (which queries it).
 */

/** What separates words: spaces and punctuation (MiniSearch's own default tokeniser). */
export const WORD_SEPARATOR = /[\n\r\p{Z}\p{P}]+/u;
/** A word: a run of anything else (for finding the words of a passage with their offsets). */
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/**
 * A word as it is indexed and searched: lower case, without accents (NFD, then combining marks
 * dropped: ğ→g, ş→s, ç→c, é→e). Turkish dotless ı and dotted İ have no decomposition to
 * strip, so they are mapped to i first.
 */
export function normaliseTerm(term: string): string {
	return term.replace(/[ıİ]/g, 'i').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** The words of a text, normalised. */
export function terms(text: string): string[] {
	return text.split(WORD_SEPARATOR).filter(Boolean).map(normaliseTerm).filter(Boolean);
}

/** A text as one normalised string, for comparing a query with a title exactly. */
export const normaliseText = (text: string) => terms(text).join(' ');

/** Each word of a text with its offsets (half-open), for marking matches in place. */
export function wordsOf(text: string): { start: number; end: number; term: string }[] {
	return [...text.matchAll(WORD)].map((m) => ({
		start: m.index,
		end: m.index + m[0].length,
		term: normaliseTerm(m[0])
	}));
}
