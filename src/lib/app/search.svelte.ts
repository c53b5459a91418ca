/**
 * The search box's state: the query, its results (debounced), whether the index is loading,
 * the option the arrow keys are on, and what choosing a result does. This module comes with
 * `import()` (`SearchLoader`), and so do the index and its code (`$lib/search`, MiniSearch): a
 * small story's after the map's first idle (`warm`), a large story's on the first focus of the
 * box (`load`), never in the first paint.
 */
import { inWindow, type TimeWindow } from '$lib/time/window';
import { formatCount } from '$lib/ui/format';
import type { SearchEngine, SearchHit, SearchResults } from '$lib/search/engine';
import { storyYear } from '$lib/search/parts';
import type { StoryShell } from '$lib/story/parts';
import type { Selection } from './selection.svelte';
import type { Shown } from './shown.svelte';
import type { StoryIndexState } from './story-index.svelte';
import type { UrlState } from './url-state.svelte';

export type Group = SearchHit['group'];

/**
 * An option of the listbox: a result, with why the map does not show it, or a group's
 * "show all".
 */
export interface SearchOption {
	/** Unique in the page: the option's element id. */
	key: string;
	/** Its place among all the options (the arrow keys' order). */
	index: number;
	hit?: SearchHit;
	/** "outside the time window", "layer hidden", or nothing. */
	note?: string;
	/** "Show all" of this group. */
	more?: Group;
}

/** A group of options under its label, with how many results it has in all. */
export interface SearchSection {
	group: Group;
	label: string;
	total: number;
	options: SearchOption[];
}

export interface SearchStateOptions {
	story: StoryIndexState;
	url: UrlState;
	shown: Shown;
	selection: Selection;
	/** The engine over the story's index (`loadEngine`), telling how many parts are in. */
	engine: (onprogress: (done: number, of: number) => void) => Promise<SearchEngine>;
	/** Scroll the article to a passage and focus it. */
	showPassage: (passageId: string) => void;
	/** Milliseconds from the last keystroke to the search. */
	delay?: number;
}

/**
 * The index and its code, fetched together: the index's parts (`$lib/search/parts`) in
 * parallel, each loaded as it arrives. `onprogress` hears how many parts are in.
 */
export async function loadEngine(
	fetch: typeof globalThis.fetch,
	shell: Pick<StoryShell, 'article' | 'searchParts'>,
	onprogress: (done: number, of: number) => void = () => {}
): Promise<SearchEngine> {
	const { SearchEngine } = await import('$lib/search/engine');
	const of = shell.searchParts;
	let done = 0;
	// One part failing fails the load: the others stop downloading (a retry fetches them again).
	const stop = new AbortController();
	const parts = await Promise.all(
		Array.from({ length: of }, async (_, k) => {
			const url = `/story/search-${k}.json`;
			const res = await fetch(url, { signal: stop.signal });
			if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
			const part = await SearchEngine.loadPart(await res.json());
			if (!stop.signal.aborted) onprogress(++done, of);
			return part;
		})
	).catch((e) => {
		stop.abort();
		throw e;
	});
	return new SearchEngine(parts, storyYear(shell.article.date), shell.article.passages);
}

/** The smallest change to a window that lets a span in: each edge moved only if needed. */
export function widen(w: TimeWindow, start: string | null, end: string | null): TimeWindow {
	const from = w.from && (start === null || start < w.from) ? (start ?? undefined) : w.from;
	const to = w.to && (end === null || end > w.to) ? (end ?? undefined) : w.to;
	return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

export class SearchState {
	#o: SearchStateOptions;
	#engine: Promise<SearchEngine> | undefined;
	#loaded: SearchEngine | undefined;
	#attempt = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	query = $state('');
	results = $state.raw<SearchResults>();
	/** The index is on its way (the box says so). */
	loading = $state(false);
	/** How many of the index's parts are in, while it loads (a large story's has several). */
	progress = $state.raw<{ done: number; of: number }>();
	/** A search is waiting for the typing to pause, or for the index. */
	pending = $state(false);
	problem = $state<string>();
	/** The listbox is shown. */
	open = $state(false);
	/** Index in `options` of the option the arrow keys are on (-1: none). */
	active = $state(-1);
	/** Groups the reader asked to see whole. */
	expanded = $state.raw<Group[]>([]);

	/** The options shown, by group, with why the map does not show each. */
	sections = $derived.by((): SearchSection[] => {
		let index = 0;
		return (this.results?.groups ?? []).map((g) => {
			const options: SearchOption[] = g.hits.map((hit) => ({
				key: `search-${hit.group}-${hit.id}`,
				index: index++,
				hit,
				note: this.#note(hit)
			}));
			if (g.total > g.hits.length)
				options.push({ key: `search-more-${g.group}`, index: index++, more: g.group });
			return { group: g.group, label: g.label, total: g.total, options };
		});
	});
	/** Every option, in the arrow keys' order. */
	options = $derived(this.sections.flatMap((s) => s.options));
	/** What the live region says once a search has answered. */
	announcement = $derived.by(() => {
		const r = this.results;
		if (this.problem) return this.problem;
		if (!r || !r.query.trim()) return '';
		if (r.total === 0) return `No results for “${r.query.trim()}”`;
		return r.total === 1 ? '1 result' : `${formatCount(r.total)} results`;
	});

	constructor(opts: SearchStateOptions) {
		this.#o = opts;
	}

	/** After the map's first idle: a small story's index, so the first keystroke answers. */
	warm() {
		if (this.#o.story.shell.inline) void this.load();
	}

	/** The index and its code, once. */
	load(): Promise<SearchEngine | undefined> {
		if (!this.#engine) {
			this.loading = true;
			this.progress = undefined;
			// A failed attempt's stragglers must not report into the next one's progress.
			const attempt = ++this.#attempt;
			this.#engine = this.#o.engine((done, of) => {
				if (attempt === this.#attempt) this.progress = { done, of };
			});
			this.#engine.then(
				(e) => {
					this.#loaded = e;
					this.loading = false;
					if (this.pending) this.#run();
				},
				(e) => {
					console.error(e);
					this.loading = false;
					this.pending = false;
					this.#engine = undefined;
					this.problem = 'Search could not be loaded; try again.';
				}
			);
		}
		return this.#engine.catch(() => undefined);
	}

	/** The reader typed: search once the typing pauses. */
	input(query: string) {
		this.query = query;
		this.problem = undefined;
		this.expanded = [];
		clearTimeout(this.#timer);
		if (!query.trim()) {
			this.pending = false;
			this.results = undefined;
			this.open = false;
			this.active = -1;
			return;
		}
		this.pending = true;
		void this.load();
		this.#timer = setTimeout(() => this.#run(), this.#o.delay ?? 120);
	}

	/** Show every result of a group; the arrow keys stay where they were. */
	expand(group: Group) {
		const at = this.active;
		this.expanded = [...this.expanded, group];
		this.#run();
		this.active = Math.min(at, this.options.length - 1);
	}

	#run() {
		const engine = this.#loaded;
		if (!engine) return;
		clearTimeout(this.#timer);
		const limits = Object.fromEntries(this.expanded.map((g) => [g, Infinity]));
		this.results = engine.search(this.query, limits);
		this.pending = false;
		this.open = true;
		this.active = this.options.length > 0 ? 0 : -1;
	}

	/** Arrow keys: the next or previous option, wrapping. */
	move(by: number) {
		const n = this.options.length;
		if (n === 0) return;
		this.open = true;
		this.active = this.active < 0 ? (by > 0 ? 0 : n - 1) : (this.active + by + n) % n;
	}

	close() {
		this.open = false;
	}

	/** Why the map does not show a result now (its window or its layer), if it does not. */
	#note(hit: SearchHit): string | undefined {
		const { shown } = this.#o;
		if (
			hit.start !== undefined &&
			!inWindow({ start: hit.start, end: hit.end ?? null }, shown.window)
		)
			return 'outside the time window';
		if (hit.layer && !shown.layers.includes(hit.layer)) return 'layer hidden';
		return undefined;
	}

	/**
	 * Choose a result: an event or a place is selected as from the event list (its page, the
	 * map framing it, its popup), a passage is shown as a passage link does, with the words
	 * found marked. What hides it goes first: the window widens, the layer is shown, in the link.
	 */
	async choose(option: SearchOption): Promise<void> {
		if (option.more) return this.expand(option.more);
		const hit = option.hit;
		if (!hit) return;
		const { url, shown, selection } = this.#o;
		this.open = false;
		if (
			hit.start !== undefined &&
			!inWindow({ start: hit.start, end: hit.end ?? null }, shown.window)
		)
			url.update(shown.withWindow(widen(shown.window, hit.start, hit.end ?? null)));
		if (hit.layer && !shown.layers.includes(hit.layer))
			url.update(shown.withLayer(hit.layer, true));
		if (hit.group === 'p') {
			selection.found = hit.snippet ? { passage: hit.id, range: hit.snippet.range } : undefined;
			url.push({ ...url.state, passage: hit.id });
			this.#o.showPassage(hit.id);
			return;
		}
		const event = hit.group === 'e' ? hit.id : hit.event;
		if (!event) return;
		const fid = hit.group === 'f' ? hit.id : undefined;
		await selection.select(event, { fid, frame: true, focus: true });
	}
}
