/**
 * The story as the browser receives it: a small *shell* (the article, the layers, the framing)
 * that every page carries, and the event index cut into *parts* (events, their features'
 * properties, anchors and geometry types) fetched as static JSON files.
 *
 * Why parts: a page that inlined the whole index grew with the story, and a site of one page
 * per event with it grew as events² (a 1,000-event story built 1.4 GB). An event's part is
 * found from its id alone (a hash), so an event page needs one part, and a link to an event
 * without a prerendered page can still find it. Small stories have one part, inlined in the
 * page as before; large ones load the rest in the background.
 */
import type { Geometry } from 'geojson';
import type { CompiledEvent, CompiledProperties } from './compiled';
import type { StorySummary } from './summary';
import type { Domain } from '$lib/time/timeline';

export interface StoryShell {
	article: StorySummary['article'];
	layers: StorySummary['layers'];
	bbox: StorySummary['bbox'];
	/** The timeline's days, from every event (the parts may not all be loaded yet). */
	domain: Domain;
	eventCount: number;
	featureCount: number;
	/** How many part files there are (`/story/part-<k>.json`, k from 0). */
	parts: number;
	/** Whether every page carries the whole index (small stories) or fetches it. */
	inline: boolean;
	/** Events ranked below this have a prerendered page and a preview image. */
	pageLimit: number;
	/** The site's origin, for absolute URLs in head tags (`SITE_URL` at build time). */
	siteUrl: string;
}

/** An event and its place in the story's date order (0 = first), which the list sorts by. */
export interface RankedEvent extends CompiledEvent {
	rank: number;
}

export interface StoryPart {
	events: RankedEvent[];
	features: Record<string, CompiledProperties>;
	anchors: Record<string, [number, number]>;
	geometryTypes: Record<string, Geometry['type']>;
}

/** Events per part: ~350 KB of JSON, small enough to inline in an event page. */
export const DEFAULT_PART_SIZE = 500;
/** Stories up to this many events are inlined whole in every page. */
export const DEFAULT_INLINE_EVENTS = 1000;
/** Events with their own prerendered page and preview image, in date order. */
export const DEFAULT_PAGE_LIMIT = 500;

/** FNV-1a over UTF-16 code units: the same part for an id in node and every browser. */
export function partOf(eventId: string, parts: number): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < eventId.length; i++) {
		h ^= eventId.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0) % Math.max(1, parts);
}

export const partPath = (k: number) => `/story/part-${k}.json`;

export interface SplitOptions {
	partSize?: number;
	inlineEvents?: number;
	pageLimit?: number;
	siteUrl: string;
	domain: Domain;
}

/** The summary cut into the shell and its parts. */
export function splitSummary(
	summary: StorySummary,
	opts: SplitOptions
): { shell: StoryShell; parts: StoryPart[] } {
	const partSize = Math.max(1, opts.partSize ?? DEFAULT_PART_SIZE);
	const count = Math.max(1, Math.ceil(summary.events.length / partSize));
	const parts: StoryPart[] = Array.from({ length: count }, () => ({
		events: [],
		features: {},
		anchors: {},
		geometryTypes: {}
	}));
	// Uncertainty areas are not in `featureIds`: they follow their feature's event.
	const partOfEvent = new Map<string, StoryPart>();
	summary.events.forEach((event, rank) => {
		const part = parts[partOf(event.id, count)];
		part.events.push({ ...event, rank });
		partOfEvent.set(event.id, part);
	});
	for (const [fid, props] of Object.entries(summary.features)) {
		const part = partOfEvent.get(props.event);
		if (!part) continue;
		part.features[fid] = props;
		part.anchors[fid] = summary.anchors[fid];
		part.geometryTypes[fid] = summary.geometryTypes[fid];
	}
	return {
		shell: {
			article: summary.article,
			layers: summary.layers,
			bbox: summary.bbox,
			domain: opts.domain,
			eventCount: summary.events.length,
			featureCount: Object.keys(summary.features).length,
			parts: count,
			inline: summary.events.length <= (opts.inlineEvents ?? DEFAULT_INLINE_EVENTS),
			pageLimit: opts.pageLimit ?? DEFAULT_PAGE_LIMIT,
			siteUrl: opts.siteUrl
		},
		parts
	};
}

/**
 * What the app knows of the index so far: the parts loaded, merged. `with` returns a new
 * index (so a reactive holder changes once per merge) that shares the records of the old one,
 * grown in place: copying 100,000 entries per merge would be a long task in the browser.
 */
export class StoryIndex {
	/** Loaded events in date order. */
	readonly events: RankedEvent[];
	readonly features: Record<string, CompiledProperties>;
	readonly anchors: Record<string, [number, number]>;
	readonly geometryTypes: Record<string, Geometry['type']>;
	/** Which parts are in. */
	readonly loaded: ReadonlySet<number>;

	private constructor(
		events: RankedEvent[],
		features: Record<string, CompiledProperties>,
		anchors: Record<string, [number, number]>,
		geometryTypes: Record<string, Geometry['type']>,
		loaded: ReadonlySet<number>
	) {
		this.events = events;
		this.features = features;
		this.anchors = anchors;
		this.geometryTypes = geometryTypes;
		this.loaded = loaded;
	}

	static empty(): StoryIndex {
		return new StoryIndex([], {}, {}, {}, new Set());
	}

	/** This index with more parts (numbered as in `partOf`); parts already in are skipped. */
	with(parts: { k: number; part: StoryPart }[]): StoryIndex {
		const loaded = new Set(this.loaded);
		const added: RankedEvent[] = [];
		for (const { k, part } of parts) {
			if (loaded.has(k)) continue;
			loaded.add(k);
			added.push(...part.events);
			Object.assign(this.features, part.features);
			Object.assign(this.anchors, part.anchors);
			Object.assign(this.geometryTypes, part.geometryTypes);
		}
		// An empty part (hashing leaves some) is still a part loaded.
		if (loaded.size === this.loaded.size) return this;
		const events = this.events.concat(added).sort((a, b) => a.rank - b.rank);
		return new StoryIndex(events, this.features, this.anchors, this.geometryTypes, loaded);
	}

	complete(parts: number): boolean {
		return this.loaded.size >= parts;
	}
}
