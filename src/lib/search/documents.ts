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
import { SEARCH_PART_EVENTS, searchPartCount, searchPartOf } from './parts';

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

/** Days each event and feature covers, by document id: dated queries filter on these. */
export type DocDays = Record<string, [start: string | null, end: string | null]>;

/** A part of the index (`./parts`), serialised, and what is searched beside it. */
export interface SearchPart {
	index: AsPlainObject;
	days: DocDays;
}

/** A document, the part of the index it goes in, and the days it covers (if dated). */
interface PlacedDoc {
	doc: SearchDoc;
	part: number;
	days?: DocDays[string];
}

const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

function searchDocuments(summary: StorySummary, partEvents = SEARCH_PART_EVENTS): PlacedDoc[] {
	const docs: PlacedDoc[] = [];
	const partOfEvent = new Map<string, number>();
	summary.events.forEach((e, rank) => {
		const part = searchPartOf(rank, summary.events.length, partEvents);
		partOfEvent.set(e.id, part);
		const primary = summary.features[e.feature];
		const kind = primary ? kindStyle(summary.kinds, primary.kind).label : '';
		const id = `e:${e.id}`;
		const doc: SearchDoc = {
			id,
			title: e.title,
			places: e.place,
			kind,
			text: e.summary,
			g: 'e',
			t: e.title,
			d: `${formatStoryDate(e.date)} · ${e.place}`,
			l: primary?.layer
		};
		docs.push({ doc, part, days: [e.start, e.end] });
	});
	for (const f of Object.values(summary.features)) {
		// An uncertainty area stands for its feature, which is found itself.
		if (f.of) continue;
		const id = `f:${f.fid}`;
		const kind = kindStyle(summary.kinds, f.kind).label;
		const doc: SearchDoc = {
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
		};
		const span = dateSpan(f.date);
		docs.push({ doc, part: partOfEvent.get(f.event) ?? 0, days: [span.start, span.end] });
	}
	for (const p of summary.article.passages) {
		const doc: SearchDoc = {
			id: `p:${p.id}`,
			title: '',
			places: '',
			kind: '',
			text: p.text,
			g: 'p',
			t: `¶${p.id.slice(1)}`,
			d: ''
		};
		docs.push({ doc, part: 0 });
	}
	return docs;
}

/**
 * The index in its parts (`./parts`): built once per build, fetched by the browser as JSON.
 * Each part is a MiniSearch index of its own; the engine merges their results.
 */
export function buildSearchParts(
	summary: StorySummary,
	partEvents = SEARCH_PART_EVENTS
): SearchPart[] {
	const count = searchPartCount(summary.events.length, partEvents);
	const placed = Array.from({ length: count }, () => ({
		docs: [] as SearchDoc[],
		days: {} as DocDays
	}));
	for (const { doc, part, days } of searchDocuments(summary, partEvents)) {
		placed[part].docs.push(doc);
		if (days) placed[part].days[doc.id] = days;
	}
	return placed.map(({ docs, days }) => {
		const index = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
		index.addAll(docs);
		return { index: index.toJSON(), days };
	});
}
