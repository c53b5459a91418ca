/**
 * The article as JSON: its metadata and its passages verbatim, each with the features that
 * cite it, so that the GeoJSON's passage offsets can be checked against the text they point
 * into and a passage can be traced to the map.
 */
import type { CompiledStory } from '$lib/story/compiled';
import { eventMeta, storyMeta, type EventMeta, type StoryMeta } from './provenance';
import { exportRecords, passageNumber, selectedEvent, type ExportOptions } from './records';

export const ARTICLE_MEDIA_TYPE = 'application/json';

export interface ExportedPassage {
	id: string;
	/** The number readers see (¶3 for p3). */
	number: number;
	text: string;
	/** Why the passage has no feature on the map, when the data says. */
	unmapped?: string;
	/** Ids of the features citing it, in draw order (with an event, only that event's). */
	features: string[];
}

export interface ExportedArticle {
	story: StoryMeta;
	/** Present when the features listed are one event's. */
	event?: EventMeta;
	/** Every passage, in article order, whichever event is selected: the article stays whole. */
	passages: ExportedPassage[];
}

export function exportedArticle(story: CompiledStory, options: ExportOptions): ExportedArticle {
	const event = selectedEvent(story, options.eventId);
	const citing = new Map<string, string[]>();
	for (const r of exportRecords(story, options)) {
		for (const p of r.passages) {
			// Pushed, not spread into a new array: a copy per feature grew as features².
			const list = citing.get(p.id);
			if (list) list.push(r.fid);
			else citing.set(p.id, [r.fid]);
		}
	}
	return {
		story: storyMeta(story.article),
		...(event ? { event: eventMeta(event, options.siteUrl) } : {}),
		passages: story.article.passages.map((p) => ({
			id: p.id,
			number: passageNumber(p.id),
			text: p.text,
			unmapped: p.unmapped,
			features: citing.get(p.id) ?? []
		}))
	};
}

/** The article file's text: indented with tabs, since it is read by people as much as programs. */
export function articleJson(story: CompiledStory, options: ExportOptions): string {
	return `${JSON.stringify(exportedArticle(story, options), null, '\t')}\n`;
}
