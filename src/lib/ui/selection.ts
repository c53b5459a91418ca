/**
 * What a selection shows: which feature's popup an event opens, and which words of a
 * passage are highlighted. Pure, shared by the app and the event pages.
 */
import type { CompiledEvent, CompiledProperties } from '$lib/story/compiled';
import type { Passage } from '$lib/story/schema';
import { findRange, type Range } from '$lib/article/segments';

/** Kinds that never stand for an event on their own. */
const SECONDARY = new Set(['uncertainty', 'place']);

/** Kinds that give context to an event rather than locate it (a border, the leg never flown). */
const CONTEXT = new Set(['border', 'flight-path-unflown']);

/**
 * The feature whose popup an event opens: its first marker (the event happened there), else
 * its first line or area, else whatever it has. Labels and areas of doubt come last.
 */
export function primaryFeature(
	event: CompiledEvent,
	features: Record<string, CompiledProperties>,
	isPoint: (fid: string) => boolean
): CompiledProperties | undefined {
	const own = event.featureIds.map((id) => features[id]).filter(Boolean);
	const main = own.filter((f) => !SECONDARY.has(f.kind) && !CONTEXT.has(f.kind));
	return (
		main.find((f) => isPoint(f.fid)) ?? main[0] ?? own.find((f) => !SECONDARY.has(f.kind)) ?? own[0]
	);
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
