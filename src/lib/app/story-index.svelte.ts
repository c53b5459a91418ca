/**
 * The story as far as the page has it: the shell (article, layers, framing) and the event
 * index (`StoryIndex`), all of it at once for a story of ordinary size (inlined in the page),
 * else the part of the page's event first and the rest in the background (`loadList`).
 */
import {
	fetchStoryFile,
	listPath,
	partOf,
	partPath,
	StoryIndex,
	type ListPart,
	type StoryPart,
	type StoryShell
} from '$lib/story/parts';
import { featuresByPassage } from '$lib/article/passage-links';

export type Part = { k: number; part: StoryPart };

export class StoryIndexState {
	/** The index as far as it is loaded; replaced (never mutated) so readers re-run once. */
	index = $state.raw(StoryIndex.empty());
	/** A large story's list is on its way. */
	loading = $state(false);
	/** The list could not be loaded. */
	problem = $state<string>();
	readonly shell: StoryShell;
	#fetch: typeof globalThis.fetch;

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
	 * A large story's event list, file by file (each parsed in its own task), merged once at
	 * the end so the list, timeline and counts are recomputed once.
	 */
	async loadList(): Promise<void> {
		if (this.shell.inline || this.index.listed || this.loading) return;
		this.loading = true;
		try {
			const lists = await Promise.all(
				Array.from({ length: this.shell.lists }, (_, j) =>
					fetchStoryFile<ListPart>(this.#fetch, listPath(j))
				)
			);
			this.index = this.index.withList(lists);
		} catch (e) {
			this.problem =
				'Some of the story’s events could not be loaded; reload the page to try again.';
			console.error(e);
		} finally {
			this.loading = false;
		}
	}
}
