/**
 * Searching the story: the index built at build time (`documents.ts`), loaded in the browser
 * after the map is drawn, answering a query with results grouped as events, places and
 * passages of the article. Loaded with `import()` only: none of this is in the first paint.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Group, SearchDoc, SearchFile } from './documents';
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

export class SearchEngine {
	#index: MiniSearch<SearchDoc>;
	#file: SearchFile;
	#passages: Map<string, string>;
	/** Document ids with days, in one array: a dated query scans them all. */
	#dated: string[];

	constructor(
		file: SearchFile,
		passages: readonly Passage[],
		index = MiniSearch.loadJS<SearchDoc>(file.index, INDEX_OPTIONS)
	) {
		this.#file = file;
		this.#index = index;
		this.#passages = new Map(passages.map((p) => [p.id, p.text]));
		this.#dated = Object.keys(file.days);
	}

	/** The engine, its index loaded in batches: a large story's must not block the page. */
	static async load(file: SearchFile, passages: readonly Passage[]): Promise<SearchEngine> {
		return new SearchEngine(
			file,
			passages,
			await MiniSearch.loadJSAsync<SearchDoc>(file.index, INDEX_OPTIONS)
		);
	}

	/** Results for a query, at most `limit` per group (Infinity: all). */
	search(
		query: string,
		limit: number | Partial<Record<Group, number>> = GROUP_LIMIT
	): SearchResults {
		const { day, rest } = extractDate(query, this.#file.year);
		let found: (Partial<SearchResult> & { id: string })[] = [];
		if (terms(rest).length > 0) {
			found = this.#index.search(rest);
			if (day) found = found.filter((r) => this.#covers(r.id, day));
			found = exactFirst(found, normaliseText(rest));
		} else if (day) {
			found = this.#dated.filter((id) => this.#covers(id, day)).map((id) => ({ id }));
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

	#covers(docId: string, day: string): boolean {
		const span = this.#file.days[docId];
		if (!span) return false;
		return (span[0] === null || span[0] <= day) && (span[1] === null || day <= span[1]);
	}

	#hit(result: Partial<SearchResult> & { id: string }): SearchHit {
		// A dated query's results come from the days, without the stored fields.
		const r =
			result.t === undefined ? { ...result, ...this.#index.getStoredFields(result.id) } : result;
		const id = r.id.slice(2);
		const group = r.g as Group;
		const [start, end] = this.#file.days[r.id] ?? [];
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
