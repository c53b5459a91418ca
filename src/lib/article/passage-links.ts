/**
 * Which words of each passage link to the map: the quotes of the features that cite the
 * passage. Place names outrank longer phrases where they overlap.
 */
import type { CompiledProperties } from '$lib/story/compiled';
import { PLACE_KIND, UNCERTAINTY_KIND } from '$lib/story/kinds';
import type { Passage } from '$lib/story/schema';
import { findRange, type LinkRange } from './segments';

export function passageLinks(
	passages: readonly Passage[],
	features: Record<string, CompiledProperties>
): Record<string, LinkRange[]> {
	const byId = new Map(passages.map((p) => [p.id, p]));
	// Many features can quote the same words (a large story: thousands per passage). Only one
	// link per span can be shown, the one `resolveOverlaps` would keep (lowest feature id), so
	// the others are dropped here, and each quote is searched for once per passage.
	const ranges = new Map<string, ReturnType<typeof findRange>>();
	const kept = new Map<string, { pid: string; link: LinkRange }>();
	for (const f of Object.values(features)) {
		// An uncertainty area is the same place as its feature: one link is enough.
		if (f.kind === UNCERTAINTY_KIND) continue;
		for (const pid of f.passages) {
			const passage = byId.get(pid);
			if (!passage) continue;
			const quoteKey = `${pid}\u0000${f.quote}`;
			if (!ranges.has(quoteKey)) ranges.set(quoteKey, findRange(passage.text, f.quote));
			const range = ranges.get(quoteKey);
			if (!range) continue;
			const priority = f.kind === PLACE_KIND ? 1 : 0;
			const key = `${pid}\u0000${range.start}:${range.end}:${priority}`;
			const other = kept.get(key);
			if (other && other.link.featureId.localeCompare(f.fid) <= 0) continue;
			kept.set(key, { pid, link: { ...range, featureId: f.fid, eventId: f.event, priority } });
		}
	}
	const out: Record<string, LinkRange[]> = Object.fromEntries(passages.map((p) => [p.id, []]));
	for (const { pid, link } of kept.values()) out[pid].push(link);
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
