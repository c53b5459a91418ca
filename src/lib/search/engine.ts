/**
 * Searching the story: the index built at build time (`documents.ts`), loaded in the browser
 * after the map is drawn, answering a query with results grouped as events, places and
 * passages of the article. Loaded with `import()` only: none of this is in the first paint.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { DocDays, Group, SearchDoc, SearchPart } from './documents';
import { INDEX_OPTIONS } from './options';
import { extractDate } from './query-date';
import { snippetOf, type Snippet } from './snippet';
import { normaliseText, terms } from './terms';

export interface SearchHit {
	group: Group;
	/** The event, feature or passage id. */
	id: string;
	title: string;
	detail: string;
	layer?: string;
	/** A feature's event. */
	event?: string;
	/** Days it covers (events and features). */
	start?: string | null;
	end?: string | null;
	/** A passage's words in context. */
	snippet?: Snippet;
}

export interface ResultGroup {
	group: Group;
	label: string;
	hits: SearchHit[];
	/** How many there are in all (more than `hits` when cut at the limit). */
	total: number;
}

export interface SearchResults {
	query: string;
	groups: ResultGroup[];
	total: number;
}

export const GROUP_LABELS: Record<Group, string> = {
	e: 'Events',
	f: 'Places',
	p: 'In the article'
};
/** Results shown per group until the reader asks for all. */
export const GROUP_LIMIT = 8;

export interface Passage {
	id: string;
	text: string;
}

/** A part of the index (`./parts`), loaded. */
export interface LoadedPart {
	index: MiniSearch<SearchDoc>;
	days: DocDays;
}

/** A result and the part it was found in (its stored fields and days are there). */
type Found = Partial<SearchResult> & { id: string; part: number };

export class SearchEngine {
	#parts: LoadedPart[];
	/** Each part's documents with days, in one array: a dated query scans them all. */
	#dated: string[][];
	#year: number;
	#passages: Map<string, string>;

	/**
	 * @param parts the index's parts: serialised (loaded here, in one go) or already loaded
	 * @param year the story's year (`storyYear`): a date typed without one is in it
	 */
	constructor(
		parts: readonly (SearchPart | LoadedPart)[],
		year: number,
		passages: readonly Passage[]
	) {
		this.#parts = parts.map((p) =>
			p.index instanceof MiniSearch
				? (p as LoadedPart)
				: { index: MiniSearch.loadJS<SearchDoc>(p.index, INDEX_OPTIONS), days: p.days }
		);
		this.#dated = this.#parts.map((p) => Object.keys(p.days));
		this.#year = year;
		this.#passages = new Map(passages.map((p) => [p.id, p.text]));
	}

	/** A part, loaded in batches: a large story's must not block the page. */
	static async loadPart(part: SearchPart): Promise<LoadedPart> {
		return {
			index: await MiniSearch.loadJSAsync<SearchDoc>(part.index, INDEX_OPTIONS),
			days: part.days
		};
	}

	/** Results for a query, at most `limit` per group (Infinity: all). */
	search(
		query: string,
		limit: number | Partial<Record<Group, number>> = GROUP_LIMIT
	): SearchResults {
		const { day, rest } = extractDate(query, this.#year);
		let found: Found[] = [];
		if (terms(rest).length > 0) {
			found = this.#parts.flatMap(({ index }, part) =>
				index.search(rest).map((r) => Object.assign(r, { part }))
			);
			// Each part ranks its own results; merged, the best of all parts go first. (Scores
			// weigh a word by how rare it is in its part: parts of one story are alike enough.)
			if (this.#parts.length > 1) found.sort((a, b) => b.score! - a.score!);
			if (day) found = found.filter((r) => this.#covers(r, day));
			found = exactFirst(found, normaliseText(rest));
		} else if (day) {
			// Filtered before any result is made: a dated query scans every document's days.
			found = this.#parts.flatMap(({ days }, part) =>
				this.#dated[part].filter((id) => covers(days[id], day)).map((id) => ({ id, part }))
			);
		}
		// Only the results shown are made into hits: a query can match most of a large story.
		const groups = (['e', 'f', 'p'] as const).map((group) => {
			const n = typeof limit === 'number' ? limit : (limit[group] ?? GROUP_LIMIT);
			const hits: SearchHit[] = [];
			let total = 0;
			for (const r of found) {
				if (r.id[0] !== group) continue;
				total++;
				if (hits.length < n) hits.push(this.#hit(r));
			}
			return { group, label: GROUP_LABELS[group], hits, total };
		});
		return {
			query,
			groups: groups.filter((g) => g.total > 0),
			total: groups.reduce((n, g) => n + g.total, 0)
		};
	}

	#covers(r: Found, day: string): boolean {
		return covers(this.#parts[r.part].days[r.id], day);
	}

	#hit(result: Found): SearchHit {
		const { index, days } = this.#parts[result.part];
		// A dated query's results come from the days, without the stored fields.
		const r = result.t === undefined ? { ...result, ...index.getStoredFields(result.id) } : result;
		const id = r.id.slice(2);
		const group = r.g as Group;
		const [start, end] = days[r.id] ?? [];
		const hit: SearchHit = {
			group,
			id,
			title: r.t as string,
			detail: r.d as string,
			layer: r.l as string | undefined,
			event: group === 'e' ? id : (r.v as string | undefined),
			start,
			end
		};
		if (group === 'p') {
			const text = this.#passages.get(id);
			const snippet = text && r.terms ? snippetOf(text, new Set(r.terms)) : undefined;
			if (snippet) hit.snippet = snippet;
		}
		return hit;
	}
}

/** Whether a document's days (none: not dated) take in a day. */
function covers(span: DocDays[string] | undefined, day: string): boolean {
	if (!span) return false;
	return (span[0] === null || span[0] <= day) && (span[1] === null || day <= span[1]);
}

/**
 * Among the best results, those whose title is exactly the query go first: BM25 alone may
 * rank a longer title holding the words twice above it. Only the best are compared, as
 * normalising every title of a query that matches most of a large story would take long.
 */
const EXACT_AMONG = 200;
function exactFirst<R extends Partial<SearchResult>>(results: R[], exact: string): R[] {
	const head = results.slice(0, EXACT_AMONG);
	const isExact = head.map((r) => typeof r.t === 'string' && normaliseText(r.t) === exact);
	if (!isExact.includes(true)) return results;
	return [
		...head.filter((_, i) => isExact[i]),
		...head.filter((_, i) => !isExact[i]),
		...results.slice(EXACT_AMONG)
	];
}
