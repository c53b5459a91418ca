/**
 * What a selection shows: which feature's popup an event opens, and which words of a
 * passage are highlighted. Pure, shared by the app and the event pages.
 */
import type { CompiledEvent, CompiledProperties } from '$lib/story/compiled';
import type { Passage } from '$lib/story/schema';
import { findRange, type Range } from '$lib/article/segments';

/**
 * The feature whose popup an event opens: the one the story names for it (`feature` in
 * events.json), or the default the compiler chose (`CompiledEvent.feature`).
 */
export function primaryFeature(
	event: CompiledEvent,
	features: Record<string, CompiledProperties>
): CompiledProperties | undefined {
	return features[event.feature];
}

/**
 * The words to highlight in a passage: the selected feature's quote if it is there, else
 * the first quote of the event's features found there, else the whole passage.
 */
export function markInPassage(
	passage: Passage,
	selected: CompiledProperties | undefined,
	event: CompiledEvent | undefined,
	features: Record<string, CompiledProperties>
): Range {
	const candidates = [selected, ...(event?.featureIds ?? []).map((id) => features[id])];
	for (const f of candidates) {
		if (!f || !f.passages.includes(passage.id)) continue;
		const r = findRange(passage.text, f.quote);
		if (r) return r;
	}
	return { start: 0, end: passage.text.length };
}
