/**
 * Reading a large story's list (`$lib/story/parts`): which list files hold what the reader
 * needs, and reading them. Loaded with the list, not with the page: a story of ordinary size
 * has its index inlined and never reads a list file.
 */
import {
	fetchStoryFile,
	listPath,
	SPANS_PATH,
	type ListPart,
	type SpansFile,
	type StorySpan
} from '$lib/story/parts';

/**
 * The list files that hold the events of the spans `wanted` keeps, in order, each with how
 * many of those events it holds: what a paged list reads, a file at a time, to show them.
 */
export function listFilesFor(
	spans: readonly StorySpan[],
	wanted: (span: StorySpan) => boolean,
	listSize: number
): { j: number; count: number }[] {
	const counts = new Map<number, number>();
	for (const span of spans) {
		if (!wanted(span)) continue;
		// Ranks from … to (exclusive), cut at the files' edges.
		for (let rank = span.from; rank < span.from + span.count;) {
			const j = Math.floor(rank / listSize);
			const next = Math.min(span.from + span.count, (j + 1) * listSize);
			counts.set(j, (counts.get(j) ?? 0) + next - rank);
			rank = next;
		}
	}
	return [...counts].sort(([a], [b]) => a - b).map(([j, count]) => ({ j, count }));
}

/**
 * The files to read for `rows` events that `wanted` keeps (the first files of the window, in
 * date order), and the file of the event ranked `selected`, less those `has` already.
 */
export function filesToRead(
	spans: readonly StorySpan[],
	o: {
		rows: number;
		wanted: (span: StorySpan) => boolean;
		listSize: number;
		selected?: number;
		has: (j: number) => boolean;
	}
): number[] {
	const need: number[] = [];
	let have = 0;
	for (const { j, count } of listFilesFor(spans, o.wanted, o.listSize)) {
		if (have >= o.rows) break;
		need.push(j);
		have += count;
	}
	if (o.selected !== undefined) need.push(Math.floor(o.selected / o.listSize));
	return need.filter((j, i) => need.indexOf(j) === i && !o.has(j));
}

/** List files, numbered. */
export const readListFiles = (fetch: typeof globalThis.fetch, js: number[]) =>
	Promise.all(
		js.map(async (j) => ({ j, list: await fetchStoryFile<ListPart>(fetch, listPath(j)) }))
	);

/** A paged story's spans. */
export const readSpans = async (fetch: typeof globalThis.fetch) =>
	(await fetchStoryFile<SpansFile>(fetch, SPANS_PATH)).spans;

/**
 * A paged story's spans, read: its counts and timeline, and which list files are on their way.
 * Made by `StoryIndexState.loadList` once the spans are in.
 */
export class PagedList {
	readonly spans: readonly StorySpan[];
	/** What the timeline places: each span, standing for its events and named by its first. */
	readonly timeline: (StorySpan['first'] & { start: string; end: string | null; count: number })[];
	/** List files asked for and not in yet. */
	readonly asked = new Set<number>();

	constructor(spans: readonly StorySpan[]) {
		this.spans = spans;
		this.timeline = spans.map((s) => ({ ...s.first, start: s.start, end: s.end, count: s.count }));
	}

	/** How many events `shown` keeps, and their features per layer. */
	within(shown: (span: StorySpan) => boolean): { events: number; layers: Record<string, number> } {
		const layers: Record<string, number> = {};
		let events = 0;
		for (const span of this.spans) {
			if (!shown(span)) continue;
			events += span.count;
			for (const [layer, n] of Object.entries(span.layers))
				layers[layer] = (layers[layer] ?? 0) + n;
		}
		return { events, layers };
	}
}
