/**
 * Splitting a passage into runs of text for rendering: which words link to the map and
 * which are highlighted (`<mark>`). Pure, so the article component stays a loop over runs
 * and never builds HTML from text.
 */
import { quoteRange } from '$lib/story/passages';

/** Half-open character range [start, end) in a passage's text. */
export interface Range {
	start: number;
	end: number;
}

/** Words of a passage that link to a feature on the map. */
export interface LinkRange extends Range {
	featureId: string;
	eventId: string;
	/** Place names win over longer phrases when two links overlap. */
	priority: number;
}

/** A run of text: one link (or none) holding parts that are marked or not. */
export interface Run {
	link?: { featureId: string; eventId: string };
	parts: { text: string; mark: boolean }[];
}

/** Where `quote` first occurs in `text`, as a Range (see `quoteRange` in the story module). */
export function findRange(text: string, quote: string): Range | null {
	const r = quoteRange(text, quote);
	return r ? { start: r[0], end: r[1] } : null;
}

/**
 * Keep links that do not overlap, preferring higher priority, then shorter ranges, then
 * earlier ones: deterministic, so the article reads the same on every build.
 */
export function resolveOverlaps(links: LinkRange[]): LinkRange[] {
	const ranked = [...links].sort(
		(a, b) =>
			b.priority - a.priority ||
			a.end - a.start - (b.end - b.start) ||
			a.start - b.start ||
			a.featureId.localeCompare(b.featureId)
	);
	const kept: LinkRange[] = [];
	for (const l of ranked) {
		if (l.end <= l.start) continue;
		if (kept.some((k) => l.start < k.end && k.start < l.end)) continue;
		kept.push(l);
	}
	return kept.sort((a, b) => a.start - b.start);
}

/**
 * Cut the text at every link and mark boundary. A link split by the mark stays one run (one
 * `<a>`), so a screen reader hears each link once.
 */
export function runs(text: string, links: LinkRange[], mark: Range | null): Run[] {
	const kept = resolveOverlaps(links);
	const cuts = new Set<number>([0, text.length]);
	for (const l of kept) {
		cuts.add(l.start);
		cuts.add(l.end);
	}
	if (mark) {
		cuts.add(Math.max(0, Math.min(text.length, mark.start)));
		cuts.add(Math.max(0, Math.min(text.length, mark.end)));
	}
	const points = [...cuts].sort((a, b) => a - b);
	const out: Run[] = [];
	let current: LinkRange | undefined;
	for (let i = 0; i < points.length - 1; i++) {
		const [a, b] = [points[i], points[i + 1]];
		const link = kept.find((l) => l.start <= a && b <= l.end);
		const part = {
			text: text.slice(a, b),
			mark: mark !== null && mark.start <= a && b <= mark.end
		};
		const last = out[out.length - 1];
		if (last && link === current && (link !== undefined || !last.link)) {
			const prev = last.parts[last.parts.length - 1];
			if (prev.mark === part.mark) prev.text += part.text;
			else last.parts.push(part);
		} else {
			out.push({
				link: link ? { featureId: link.featureId, eventId: link.eventId } : undefined,
				parts: [part]
			});
		}
		current = link;
	}
	return out;
}
