/**
 * Which words of each passage link to the map: the quotes of the features that cite the
 * passage. Place names outrank longer phrases where they overlap.
 */
import type { CompiledProperties } from '$lib/story/compiled';
import type { Passage } from '$lib/story/schema';
import { findRange, type LinkRange } from './segments';

export function passageLinks(
	passages: readonly Passage[],
	features: Record<string, CompiledProperties>
): Record<string, LinkRange[]> {
	const byId = new Map(passages.map((p) => [p.id, p]));
	const out: Record<string, LinkRange[]> = Object.fromEntries(passages.map((p) => [p.id, []]));
	for (const f of Object.values(features)) {
		// An uncertainty area is the same place as its feature: one link is enough.
		if (f.kind === 'uncertainty') continue;
		for (const pid of f.passages) {
			const passage = byId.get(pid);
			const range = passage && findRange(passage.text, f.quote);
			if (!range) continue;
			out[pid].push({
				...range,
				featureId: f.fid,
				eventId: f.event,
				priority: f.kind === 'place' ? 1 : 0
			});
		}
	}
	return out;
}

/** Ids of the features that cite each passage (for highlighting them while it is hovered). */
export function featuresByPassage(
	features: Record<string, CompiledProperties>
): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const f of Object.values(features)) {
		for (const pid of f.passages) (out[pid] ??= []).push(f.fid);
	}
	return out;
}
