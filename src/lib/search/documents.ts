/**
 * What the search index holds, built from the story at build time: one document per event
 * (title, place, kind, summary), per feature (title, label, countries and waters, who claims
 * it, summary) and per passage of the article (its words). Stored with each: what a result shows and what
 * choosing it needs, in short keys (they are repeated in the file for every document).
 */
import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { StorySummary } from '$lib/story/summary';
import { kindStyle } from '$lib/story/kinds';
import { formatStoryDate } from '$lib/ui/format';
import { dateSpan } from '$lib/time/window';
import { INDEX_OPTIONS } from './options';

/** Result groups: events, places (features), the article's passages. */
export type Group = 'e' | 'f' | 'p';

export interface SearchDoc {
	/** `<group>:<id>`: the event, feature or passage id after the colon. */
	id: string;
	title: string;
	places: string;
	kind: string;
	text: string;
	g: Group;
	/** Title shown (a passage's is its number). */
	t: string;
	/** The line under the title: date and place, or kind and date. */
	d: string;
	/** The layer the map draws it in (an event: its primary feature's). */
	l?: string;
	/** A feature's event. */
	v?: string;
}

/** The serialised index and what is searched beside it. */
export interface SearchFile {
	index: AsPlainObject;
	/** The story's year: a date typed without one is in it. */
	year: number;
	/** Days each event and feature covers, by document id: dated queries filter on these. */
	days: Record<string, [start: string | null, end: string | null]>;
}

const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

export function searchDocuments(summary: StorySummary): {
	docs: SearchDoc[];
	days: SearchFile['days'];
} {
	const docs: SearchDoc[] = [];
	const days: SearchFile['days'] = {};
	for (const e of summary.events) {
		const primary = summary.features[e.feature];
		const kind = primary ? kindStyle(summary.kinds, primary.kind).label : '';
		const id = `e:${e.id}`;
		docs.push({
			id,
			title: e.title,
			places: e.place,
			kind,
			text: e.summary,
			g: 'e',
			t: e.title,
			d: `${formatStoryDate(e.date)} · ${e.place}`,
			l: primary?.layer
		});
		days[id] = [e.start, e.end];
	}
	for (const f of Object.values(summary.features)) {
		// An uncertainty area stands for its feature, which is found itself.
		if (f.of) continue;
		const id = `f:${f.fid}`;
		const kind = kindStyle(summary.kinds, f.kind).label;
		docs.push({
			id,
			title: f.title,
			places: [f.label, ...list(f.country), f.waters, f.claimedBy].filter(Boolean).join(' · '),
			kind,
			text: f.summary ?? '',
			g: 'f',
			t: f.title,
			d: `${kind} · ${formatStoryDate(f.date)}`,
			l: f.layer,
			v: f.event
		});
		const span = dateSpan(f.date);
		days[id] = [span.start, span.end];
	}
	for (const p of summary.article.passages) {
		docs.push({
			id: `p:${p.id}`,
			title: '',
			places: '',
			kind: '',
			text: p.text,
			g: 'p',
			t: `¶${p.id.slice(1)}`,
			d: ''
		});
	}
	return { docs, days };
}

/** The index file: built once per build and fetched by the browser as JSON. */
export function buildSearchFile(summary: StorySummary): SearchFile {
	const { docs, days } = searchDocuments(summary);
	const index = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
	index.addAll(docs);
	return {
		index: index.toJSON(),
		year: Number(summary.article.date.slice(0, 4)),
		days
	};
}
