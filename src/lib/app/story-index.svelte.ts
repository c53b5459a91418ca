/**
 * The story as far as the page has it: the shell (article, layers, framing) and the event
 * index (`StoryIndex`), all of it at once for a story of ordinary size (inlined in the page),
 * else the part of the page's event first and the rest in the background (`loadList`).
 */
import {
	fetchStoryFile,
	partOf,
	partPath,
	StoryIndex,
	type StoryPart,
	type StoryShell,
	type StorySpan
} from '$lib/story/parts';
import type { PagedList } from './list-files';
import { featuresByPassage } from '$lib/article/passage-links';

export type Part = { k: number; part: StoryPart };

/** How a large story's list is read: with the list, not the page (an inlined story never does). */
const listFiles = () => import('./list-files');

export class StoryIndexState {
	/** The index as far as it is loaded; replaced (never mutated) so readers re-run once. */
	index = $state.raw(StoryIndex.empty());
	/** A large story's list is on its way. */
	loading = $state(false);
	/** The list could not be loaded. */
	problem = $state<string>();
	/** A paged story's spans (`PagedList`): its counts and timeline before its list is in. */
	paged = $state.raw<PagedList>();
	readonly shell: StoryShell;
	#fetch: typeof globalThis.fetch;
	/** Loads running. */
	#pending = 0;

	/** Everything the page shows of the story, in one object for the components. */
	story = $derived.by(() => ({
		article: this.shell.article,
		layers: this.shell.layers,
		kinds: this.shell.kinds,
		bbox: this.shell.bbox,
		events: this.index.events,
		features: this.index.features,
		anchors: this.index.anchors,
		geometryTypes: this.index.geometryTypes
	}));
	/** Loaded features only: a large story highlights those of the parts it has. */
	byPassage = $derived.by(() => featuresByPassage(this.index.features));
	/** Layers shown when a link says nothing. */
	readonly defaultLayers: string[];
	/** Passages with features on the map. */
	readonly mapped: Set<string>;

	constructor(shell: StoryShell, parts: Part[], fetch: typeof globalThis.fetch) {
		this.shell = shell;
		this.#fetch = fetch;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup, never changed
		this.mapped = new Set(shell.mapped);
		this.defaultLayers = shell.layers.filter((l) => !l.hidden).map((l) => l.id);
		this.index = StoryIndex.empty().with(parts);
	}

	/** Merge parts (a page's own, one fetched for a click); known parts are skipped. */
	add(parts: Part[]) {
		const next = this.index.with(parts);
		if (next !== this.index) this.index = next;
	}

	/**
	 * Fetch the part an event is in, unless it is loaded: a large story's index arrives in the
	 * background, and a click may come first.
	 */
	async ensureEvent(eventId: string): Promise<void> {
		const k = partOf(eventId, this.shell.parts);
		if (this.index.loaded.has(k)) return;
		this.add([{ k, part: await fetchStoryFile<StoryPart>(this.#fetch, partPath(k)) }]);
	}

	/**
	 * A large story's event list: a story of one list file reads it whole; a paged story
	 * (`shell.paged`) reads its spans (the counts and the timeline), then the first rows of its
	 * list (`ensureRows`), and the file of the event the page is about.
	 */
	async loadList(): Promise<void> {
		if (this.shell.inline || this.index.listed || this.paged || this.loading) return;
		await this.#loading(async () => {
			const { readSpans, PagedList } = await listFiles();
			if (this.shell.paged) this.paged = new PagedList(await readSpans(this.#fetch));
			else await this.#addFiles([0]);
		});
	}

	/**
	 * A paged story's list files, in date order, until `rows` events that `wanted` keeps are
	 * in (or all of them are), and the file of the event ranked `selected`: the rows the list
	 * shows, or Play steps through. Files already in or on their way are not asked for again.
	 */
	async ensureRows(
		rows: number,
		wanted: (span: StorySpan) => boolean,
		selected?: number
	): Promise<void> {
		const paged = this.paged;
		if (!paged || this.index.listed) return;
		const { filesToRead } = await listFiles();
		const fresh = filesToRead(paged.spans, {
			rows,
			wanted,
			selected,
			listSize: this.shell.listSize,
			has: (j) => this.index.listFiles.has(j) || paged.asked.has(j)
		});
		if (fresh.length === 0) return;
		for (const j of fresh) paged.asked.add(j);
		await this.#loading(() => this.#addFiles(fresh)).finally(() =>
			fresh.forEach((j) => paged.asked.delete(j))
		);
	}

	/** List files in, merged once, so the list, timeline and counts are recomputed once. */
	async #addFiles(js: number[]) {
		const { readListFiles } = await listFiles();
		this.index = this.index.withListFiles(await readListFiles(this.#fetch, js), this.shell.lists);
	}

	/** Run a load, flagged while it (or another) runs; a failure is told, not thrown. */
	async #loading(load: () => Promise<void>): Promise<void> {
		this.#pending++;
		this.loading = true;
		try {
			await load();
		} catch (e) {
			this.problem =
				'Some of the story’s events could not be loaded; reload the page to try again.';
			console.error(e);
		} finally {
			this.loading = --this.#pending > 0;
		}
	}
}
