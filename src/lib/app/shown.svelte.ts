/**
 * What the page shows of the story under the link's layers and time window: one place that
 * the map, the list, the timeline, the legend and the popup all read, so their counts agree
 * with what the map draws.
 */
import type { ListedEvent } from '$lib/story/parts';
import type { EventHeadline } from '$lib/story/compiled';
import { dateInWindow, inWindow, type TimeWindow } from '$lib/time/window';
import type { HashState } from '$lib/url/hash-state';
import type { StoryIndexState } from './story-index.svelte';

/** One object for "no window": a new `{}` per address change would re-filter every event. */
const ALL_DATES: TimeWindow = {};

export class Shown {
	#story: StoryIndexState;
	#hash: () => HashState;

	/** Ids of the layers drawn. */
	layers = $derived.by(() => this.#hash().layers ?? this.#story.defaultLayers);
	/** The time window (`{}`: every date). */
	window = $derived.by(() => this.#hash().time ?? ALL_DATES);
	/** The events in the window, in date order (the list and Play). */
	events = $derived.by(() => this.#story.index.events.filter(this.isEventShown));
	/** A paged story's counts in the window, from its spans, while its list is read as needed. */
	#paged = $derived.by(() => this.#story.paged?.within(this.isEventShown));
	/** How many events the timeline says are in the window (all of a large story's, unlisted). */
	eventCount = $derived.by(() => {
		const { index, shell } = this.#story;
		if (this.#paged) return this.#paged.events;
		return index.listed || shell.inline || this.#hash().time
			? this.events.length
			: shell.eventCount;
	});
	/**
	 * What the timeline places: every event, or a paged story's spans (each standing for its
	 * events, named by its first), whose list is not all read.
	 */
	timelineEvents = $derived.by(
		(): (EventHeadline & { count?: number })[] =>
			this.#story.paged?.timeline ?? this.#story.index.events
	);
	/** Features per layer in the time window (outside it they are hidden and not counted). */
	layerCounts = $derived.by(() => {
		const { index, shell } = this.#story;
		const timed = this.#hash().time !== undefined;
		// Every layer is counted, so one with nothing in the window says 0.
		const counts: Record<string, number> = Object.fromEntries(
			shell.layers.map((l) => [l.id, timed ? 0 : l.featureCount])
		);
		if (!timed) return counts;
		if (this.#paged) return { ...counts, ...this.#paged.layers };
		if (shell.inline) {
			for (const f of Object.values(index.features)) {
				if (dateInWindow(f.date, this.window)) counts[f.layer] = (counts[f.layer] ?? 0) + 1;
			}
			return counts;
		}
		// A large story's features are not all loaded: its list says which layers each event's
		// features are in, and they are counted by the event's dates.
		for (const e of this.events) {
			for (const layer of (e as ListedEvent).layers ?? []) counts[layer] = (counts[layer] ?? 0) + 1;
		}
		return counts;
	});

	constructor(story: StoryIndexState, hash: () => HashState) {
		this.#story = story;
		this.#hash = hash;
	}

	isEventShown = (e: { start: string; end: string | null }) => inWindow(e, this.window);

	/** Whether the map draws a feature: its layer is on and its date meets the window. */
	isFeatureShown = (fid: string): boolean => {
		const f = this.#story.index.features[fid];
		return f !== undefined && this.layers.includes(f.layer) && dateInWindow(f.date, this.window);
	};

	/** The link's state with another time window (`{}`: every date). */
	withWindow(w: TimeWindow): HashState {
		const next = { ...this.#hash() };
		if (w.from || w.to) next.time = w;
		else delete next.time;
		return next;
	}

	/** The link's state with a layer switched on or off (layers kept in the story's order). */
	withLayer(layerId: string, on: boolean): HashState {
		const isOn = (id: string) => (id === layerId ? on : this.layers.includes(id));
		return { ...this.#hash(), layers: this.#story.shell.layers.map((l) => l.id).filter(isOn) };
	}

	/** Features outside the window, for the static overview (the map filters by date itself). */
	outsideWindow(): string[] {
		if (!this.#hash().time) return [];
		return Object.values(this.#story.index.features)
			.filter((f) => !dateInWindow(f.date, this.window))
			.map((f) => f.fid);
	}
}
