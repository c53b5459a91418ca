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

	constructor(file: SearchFile, passages: readonly Passage[]) {
		this.#file = file;
		this.#index = MiniSearch.loadJS(file.index, INDEX_OPTIONS);
		this.#passages = new Map(passages.map((p) => [p.id, p.text]));
	}

	/** Results for a query, at most `limit` per group (Infinity: all). */
	search(
		query: string,
		limit: number | Partial<Record<Group, number>> = GROUP_LIMIT
	): SearchResults {
		const { day, rest } = extractDate(query, this.#file.year);
		const words = terms(rest);
		let found: { id: string; hit: SearchHit }[];
		if (words.length > 0) {
			const exact = normaliseText(rest);
			const results = this.#index
				.search(rest)
				.filter((r) => !day || this.#covers(r.id, day))
				.map((r) => ({ r, exact: normaliseText(r.t as string) === exact }));
			// An exact title first: BM25 alone may rank a longer title with the words twice above it.
			results.sort((a, b) => Number(b.exact) - Number(a.exact));
			found = results.map(({ r }) => ({ id: r.id, hit: this.#hit(r) }));
		} else if (day) {
			found = Object.keys(this.#file.days)
				.filter((id) => this.#covers(id, day))
				.map((id) => ({ id, hit: this.#hit({ id, ...this.#index.getStoredFields(id) }) }));
		} else found = [];
		const groups = (['e', 'f', 'p'] as const).map((group) => {
			const all = found.filter((f) => f.hit.group === group).map((f) => f.hit);
			const n = typeof limit === 'number' ? limit : (limit[group] ?? GROUP_LIMIT);
			return { group, label: GROUP_LABELS[group], hits: all.slice(0, n), total: all.length };
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

	#hit(r: Partial<SearchResult> & { id: string }): SearchHit {
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
