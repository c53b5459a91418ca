/**
 * The story as the browser receives it: a small *shell* (the article and its links to the
 * map, the layers, the framing) that every page carries; the event index cut into *parts*
 * (events, their features' properties, anchors and geometry types), found by a hash of the
 * event id; and the *list* (each event's id, title, date and place, in date order, in chunks)
 * for the event list and the timeline.
 *
 * Why: a page that inlined the whole index grew with the story, and a site of one page per
 * event with it grew as events² (a 1,000-event story built 1.4 GB). An event page needs one
 * part; a link to an event without a prerendered page can still find its part from the id.
 * Small stories have their parts inlined in every page, as before, and need no list; large
 * ones fetch the list after the map is drawn (a tenth of the bytes of every part) and a part
 * when an event is opened.
 */
import type { Geometry } from 'geojson';
import type { CompiledEvent, CompiledProperties } from './compiled';
import type { StorySummary } from './summary';
import type { Domain } from '$lib/time/timeline';
import { featuresByPassage, passageLinks } from '$lib/article/passage-links';
import type { LinkRange } from '$lib/article/segments';
import { searchPartCount } from '$lib/search/parts';
import type { DownloadName } from '$lib/export/files';

export interface StoryShell {
	article: StorySummary['article'];
	layers: StorySummary['layers'];
	bbox: StorySummary['bbox'];
	/** How the story's kinds look and are called (`$lib/story/kinds`): the map, legend and icons read it. */
	kinds: StorySummary['kinds'];
	/** The timeline's days, from every event (the parts may not all be loaded yet). */
	domain: Domain;
	eventCount: number;
	featureCount: number;
	/** How many part files there are (`/story/part-<k>.json`, k from 0). */
	parts: number;
	/** How many list files there are (`/story/list-<j>.json`, j from 0, in date order). */
	lists: number;
	/** Events per list file: event `rank` is in file `floor(rank / listSize)`. */
	listSize: number;
	/**
	 * Whether the list is read a file at a time, as the reader needs it (`spans` count the
	 * rest), rather than whole: a story with more than one list file.
	 */
	paged: boolean;
	/** How many parts the search index has (`/story/search-<k>.json`, `$lib/search/parts`). */
	searchParts: number;
	/** The whole story's downloads and their sizes in bytes (`$lib/export/files`). */
	downloads: Partial<Record<DownloadName, number>>;
	/** Whether each event has its own downloads (stories up to the page limit). */
	eventDownloads: boolean;
	/** Which words of each passage link to which feature (`passageLinks`, from every feature). */
	links: Record<string, LinkRange[]>;
	/** Passages with features on the map. */
	mapped: string[];
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
	/** Its own downloads' sizes in bytes, where it has them (`$lib/export/files`). */
	downloads?: Partial<Record<DownloadName, number>>;
}

/** What the list and the timeline show of an event, and the layers of its features. */
export interface ListedEvent extends Pick<
	CompiledEvent,
	'id' | 'title' | 'date' | 'place' | 'start' | 'end'
> {
	rank: number;
	/** The layer of each of its features (uncertainty areas included), for legend counts. */
	layers: string[];
}

export interface ListPart {
	events: ListedEvent[];
}

/**
 * The events that share a date span (`start`–`end`), counted: a paged story's counts and
 * timeline come from these (`/story/spans.json`), without its list. Whether an event is in a
 * time window depends on its span alone, so a window's counts are exact from them.
 */
export interface StorySpan {
	start: string;
	end: string | null;
	/** How many events have this span, and the rank of the first: they are ranks `from`… */
	count: number;
	from: number;
	/** Their features per layer (uncertainty areas included), as `ListedEvent.layers` counts. */
	layers: Record<string, number>;
	/** The first of them, for the timeline's tooltip and its mark's `data-event`. */
	first: Pick<ListedEvent, 'id' | 'title' | 'date' | 'place'>;
}

export interface SpansFile {
	spans: StorySpan[];
}

export interface StoryPart {
	events: RankedEvent[];
	features: Record<string, CompiledProperties>;
	anchors: Record<string, [number, number]>;
	geometryTypes: Record<string, Geometry['type']>;
}

/** Events per part: ~80 KB of JSON, small enough to inline in an event page. */
export const DEFAULT_PART_SIZE = 100;
/** Events per list file: ~1.6 MB of JSON, each parsed in a task well under the 200 ms budget. */
export const DEFAULT_LIST_SIZE = 10_000;
/** Stories up to this many events are inlined whole in every page (~0.8 KB an event). */
export const DEFAULT_INLINE_EVENTS = 250;
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

/** How many part files a story of `events` events has (at least one). */
export const partCount = (events: number, partSize = DEFAULT_PART_SIZE) =>
	Math.max(1, Math.ceil(events / Math.max(1, partSize)));

/** How many list files a story of `events` events has (at least one, maybe empty). */
export const listCount = (events: number, listSize = DEFAULT_LIST_SIZE) =>
	Math.max(1, Math.ceil(events / Math.max(1, listSize)));

/** Whether each event has its own downloads: in stories up to the page limit (all have pages). */
export const hasEventDownloads = (events: number, pageLimit = DEFAULT_PAGE_LIMIT) =>
	events <= pageLimit;

export const partPath = (k: number) => `/story/part-${k}.json`;
export const listPath = (j: number) => `/story/list-${j}.json`;
export const SPANS_PATH = '/story/spans.json';

/** A story file, parsed. A failed request throws, naming the file and the status. */
export async function fetchStoryFile<T>(fetch: typeof globalThis.fetch, path: string): Promise<T> {
	const res = await fetch(path);
	if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
	return (await res.json()) as T;
}

/** Whether an event has a prerendered page and preview image of its own. */
export const hasOwnPage = (event: { rank: number }, shell: Pick<StoryShell, 'pageLimit'>) =>
	event.rank < shell.pageLimit;

export interface SplitOptions {
	partSize?: number;
	inlineEvents?: number;
	pageLimit?: number;
	/** Events per part of the search index (`$lib/search/parts`). */
	searchPartEvents?: number;
	/** Events per list file. */
	listSize?: number;
	/** The whole story's downloads' sizes (made on the server: `$lib/server/downloads`). */
	downloads?: Partial<Record<DownloadName, number>>;
	/** An event's own downloads' sizes, for stories whose events have them. */
	eventDownloadSizes?: (eventId: string) => Partial<Record<DownloadName, number>>;
	siteUrl: string;
	domain: Domain;
}

/** The summary cut into the shell, its parts, the list and its spans. */
export function splitSummary(
	summary: StorySummary,
	opts: SplitOptions
): { shell: StoryShell; parts: StoryPart[]; lists: ListPart[]; spans: SpansFile } {
	const count = partCount(summary.events.length, opts.partSize);
	const parts: StoryPart[] = Array.from({ length: count }, () => ({
		events: [],
		features: {},
		anchors: {},
		geometryTypes: {}
	}));
	// Uncertainty areas are not in `featureIds`: they follow their feature's event.
	const partOfEvent = new Map<string, StoryPart>();
	const eventDownloads = hasEventDownloads(summary.events.length, opts.pageLimit);
	summary.events.forEach((event, rank) => {
		const part = parts[partOf(event.id, count)];
		const sizes = eventDownloads ? opts.eventDownloadSizes?.(event.id) : undefined;
		part.events.push(sizes ? { ...event, rank, downloads: sizes } : { ...event, rank });
		partOfEvent.set(event.id, part);
	});
	for (const [fid, props] of Object.entries(summary.features)) {
		const part = partOfEvent.get(props.event);
		if (!part) continue;
		part.features[fid] = props;
		part.anchors[fid] = summary.anchors[fid];
		part.geometryTypes[fid] = summary.geometryTypes[fid];
	}
	const layersOf = new Map<string, string[]>();
	for (const f of Object.values(summary.features)) {
		const list = layersOf.get(f.event);
		if (list) list.push(f.layer);
		else layersOf.set(f.event, [f.layer]);
	}
	const listSize = Math.max(1, opts.listSize ?? DEFAULT_LIST_SIZE);
	const lists: ListPart[] = Array.from(
		{ length: listCount(summary.events.length, listSize) },
		() => ({ events: [] })
	);
	summary.events.forEach((e, rank) => {
		lists[Math.floor(rank / listSize)].events.push({
			id: e.id,
			title: e.title,
			date: e.date,
			place: e.place,
			start: e.start,
			end: e.end,
			rank,
			layers: layersOf.get(e.id) ?? []
		});
	});
	const byPassage = featuresByPassage(summary.features);
	return {
		lists,
		spans: { spans: storySpans(lists.flatMap((l) => l.events)) },
		shell: {
			article: summary.article,
			layers: summary.layers,
			bbox: summary.bbox,
			kinds: summary.kinds,
			domain: opts.domain,
			eventCount: summary.events.length,
			featureCount: Object.keys(summary.features).length,
			parts: count,
			lists: lists.length,
			listSize,
			paged: lists.length > 1,
			searchParts: searchPartCount(summary.events.length, opts.searchPartEvents),
			downloads: opts.downloads ?? {},
			eventDownloads,
			links: passageLinks(summary.article.passages, summary.features),
			mapped: Object.keys(byPassage).filter((p) => byPassage[p].length > 0),
			inline: summary.events.length <= (opts.inlineEvents ?? DEFAULT_INLINE_EVENTS),
			pageLimit: opts.pageLimit ?? DEFAULT_PAGE_LIMIT,
			siteUrl: opts.siteUrl
		},
		parts
	};
}

/** Events in date order (as the list holds them), grouped by their span. */
export function storySpans(events: readonly ListedEvent[]): StorySpan[] {
	const out: StorySpan[] = [];
	let last: StorySpan | undefined;
	for (const e of events) {
		// Date order sorts by start, then end: events of one span are next to each other.
		if (!last || last.start !== e.start || last.end !== e.end) {
			last = {
				start: e.start,
				end: e.end,
				count: 0,
				from: e.rank,
				layers: {},
				first: { id: e.id, title: e.title, date: e.date, place: e.place }
			};
			out.push(last);
		}
		last.count++;
		for (const layer of e.layers) last.layers[layer] = (last.layers[layer] ?? 0) + 1;
	}
	return out;
}

/**
 * What the app knows of the index so far: the events listed (from list files, or from parts)
 * and the parts loaded, merged. `with` returns a new index (so a reactive holder changes once
 * per merge) that shares the records of the old one, grown in place: copying 100,000 entries
 * per merge would be a long task in the browser.
 */
export class StoryIndex {
	/**
	 * Every event known, in date order: from the list files loaded, or (before any is) from
	 * the parts loaded.
	 */
	readonly events: (ListedEvent | RankedEvent)[];
	/** Events with their full record (their part is loaded), by id. */
	readonly details: ReadonlyMap<string, RankedEvent>;
	readonly features: Record<string, CompiledProperties>;
	readonly anchors: Record<string, [number, number]>;
	readonly geometryTypes: Record<string, Geometry['type']>;
	/** Which parts are in. */
	readonly loaded: ReadonlySet<number>;
	/** The list files in, by number. */
	readonly listFiles: ReadonlyMap<number, readonly ListedEvent[]>;
	/** Whether the whole list is in (then `events` is every event). */
	readonly listed: boolean;

	private constructor(
		events: (ListedEvent | RankedEvent)[],
		details: Map<string, RankedEvent>,
		features: Record<string, CompiledProperties>,
		anchors: Record<string, [number, number]>,
		geometryTypes: Record<string, Geometry['type']>,
		loaded: ReadonlySet<number>,
		listFiles: ReadonlyMap<number, readonly ListedEvent[]>,
		listed: boolean
	) {
		this.events = events;
		this.details = details;
		this.features = features;
		this.anchors = anchors;
		this.geometryTypes = geometryTypes;
		this.loaded = loaded;
		this.listFiles = listFiles;
		this.listed = listed;
	}

	static empty(): StoryIndex {
		return new StoryIndex([], new Map(), {}, {}, {}, new Set(), new Map(), false);
	}

	/** This index with more parts (numbered as in `partOf`); parts already in are skipped. */
	with(parts: { k: number; part: StoryPart }[]): StoryIndex {
		const loaded = new Set(this.loaded);
		const details = this.details as Map<string, RankedEvent>;
		for (const { k, part } of parts) {
			if (loaded.has(k)) continue;
			loaded.add(k);
			for (const e of part.events) details.set(e.id, e);
			Object.assign(this.features, part.features);
			Object.assign(this.anchors, part.anchors);
			Object.assign(this.geometryTypes, part.geometryTypes);
		}
		// An empty part (hashing leaves some) is still a part loaded.
		if (loaded.size === this.loaded.size) return this;
		// Until a list file is in, the events known are those of the parts; after, parts add
		// details, not events.
		const events =
			this.listFiles.size > 0 ? this.events : [...details.values()].sort((a, b) => a.rank - b.rank);
		return new StoryIndex(
			events,
			details,
			this.features,
			this.anchors,
			this.geometryTypes,
			loaded,
			this.listFiles,
			this.listed
		);
	}

	/**
	 * This index with more list files (numbered as in `listPath`), of `total` files in all;
	 * files already in are skipped. The events are then those of the files, in their order.
	 */
	withListFiles(files: { j: number; list: ListPart }[], total: number): StoryIndex {
		const fresh = files.filter(({ j }) => !this.listFiles.has(j));
		if (fresh.length === 0) return this;
		const listFiles = new Map(this.listFiles);
		for (const { j, list } of fresh) listFiles.set(j, list.events);
		const events = [...listFiles.keys()].sort((a, b) => a - b).flatMap((j) => listFiles.get(j)!);
		return new StoryIndex(
			events,
			this.details as Map<string, RankedEvent>,
			this.features,
			this.anchors,
			this.geometryTypes,
			this.loaded,
			listFiles,
			listFiles.size >= total
		);
	}

	complete(parts: number): boolean {
		return this.loaded.size >= parts;
	}
}
