/**
 * A passage result's words in context: where the matched words are, as offsets (never HTML),
 * and the text around them cut at word boundaries.
 */
import type { Range } from '$lib/article/segments';
import { wordsOf } from './terms';

export interface Snippet {
	/** Parts of the snippet's text, marked where a word matched. */
	parts: { text: string; mark: boolean }[];
	/** Whether text was cut before and after (shown as an ellipsis). */
	lead: boolean;
	tail: boolean;
	/** In the whole passage: from the first matched word to the last one near it, to mark. */
	range: Range;
}

/** Characters of context kept before the first match, and in all. */
const BEFORE = 40;
const LENGTH = 140;

/**
 * The snippet of `text` around the words whose normalised form is in `matched` (MiniSearch's
 * matched document terms). Undefined when none is found.
 */
export function snippetOf(text: string, matched: ReadonlySet<string>): Snippet | undefined {
	const words = wordsOf(text);
	const hits = words.filter((w) => matched.has(w.term));
	if (hits.length === 0) return undefined;
	const first = hits[0];
	// Start and end at word boundaries around the window.
	const start = words.find((w) => w.end >= first.start - BEFORE)?.start ?? 0;
	const limit = start + LENGTH;
	let end = first.end;
	for (const w of words) if (w.start >= start && w.end <= limit) end = Math.max(end, w.end);
	const inside = hits.filter((h) => h.start >= start && h.end <= end);
	const parts: Snippet['parts'] = [];
	let at = start;
	for (const h of inside) {
		if (h.start > at) parts.push({ text: text.slice(at, h.start), mark: false });
		parts.push({ text: text.slice(h.start, h.end), mark: true });
		at = h.end;
	}
	if (end > at) parts.push({ text: text.slice(at, end), mark: false });
	const last = inside.filter((h) => h.end - first.start <= 80).at(-1) ?? first;
	return {
		parts,
		lead: start > 0,
		tail: end < text.trimEnd().length,
		range: { start: first.start, end: last.end }
	};
}
