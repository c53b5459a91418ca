/**
 * The compiled story for the build. Loaded once per build process (every prerendered page
 * and data file shares it). `STORY_DIR` points the build at another story (tests use
 * fixtures; benchmarks use generated stories); the default is the repo's `geo/`.
 */
import path from 'node:path';
import { loadStory } from '$lib/story/load';
import { compiledEventCount, readCompiledLayers, readCompiledStory } from './compiled-file';
import type { FeatureCollection, Geometry } from 'geojson';
import type { CompiledLayer, CompiledStory } from '$lib/story/compiled';
import { sourceFeature, type SourceProperties } from '$lib/map/source-data';
import { summarise, type StorySummary } from '$lib/story/summary';
import { DEFAULT_TILE_THRESHOLD, isTiled } from '$lib/map/story-tiles';
import {
	DEFAULT_INLINE_EVENTS,
	DEFAULT_LIST_SIZE,
	DEFAULT_PAGE_LIMIT,
	DEFAULT_PART_SIZE,
	hasEventDownloads,
	listCount,
	partCount,
	splitSummary
} from '$lib/story/parts';
import { timelineDomain } from '$lib/time/timeline';
import { siteUrl } from './site';
import { downloadSizes } from './downloads';
import { SEARCH_PART_EVENTS, searchPartCount } from '$lib/search/parts';
import { buildSearchParts, type SearchPart } from '$lib/search/documents';

let cached: Promise<CompiledStory> | undefined;
let cachedSearch: Promise<SearchPart[]> | undefined;
let cachedParts: Promise<ReturnType<typeof splitSummary>> | undefined;

export function storyDir(): string {
	return path.resolve(process.env.STORY_DIR ?? 'geo');
}

/**
 * Set by the build (vite.config.ts) once it has checked and compiled the story: the file it
 * wrote (`./compiled-file`), which every later step of the build reads instead of `geo/`.
 */
const compiledFile = () => process.env.STORY_COMPILED_FILE || undefined;

export function getStory(): Promise<CompiledStory> {
	cached ??= Promise.resolve().then(() => {
		const file = compiledFile();
		return file ? readCompiledStory(file) : loadStory(storyDir());
	});
	return cached;
}

/**
 * How many events the story has: from the compiled file's head when there is one, so that
 * SvelteKit's analysis, which needs only the counts, does not read the whole story.
 */
let cachedCount: number | undefined;
async function eventCount(): Promise<number> {
	const file = compiledFile();
	cachedCount ??= file && !cached ? compiledEventCount(file) : (await getStory()).events.length;
	return cachedCount;
}

/** A whole number from the environment, or the default; anything else fails the build. */
export function envCount(name: string, fallback: number): number {
	const raw = process.env[name]?.trim();
	if (!raw) return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 0)
		throw new Error(`${name} must be a whole number ≥ 0, not “${raw}”`);
	return n;
}

/**
 * The story as pages receive it: the shell and the index parts (`$lib/story/parts`). Sizes
 * can be set for tests and large stories: `STORY_PART_SIZE` (events per part),
 * `STORY_INLINE_EVENTS` (stories up to this size are inlined whole in every page),
 * `STORY_PAGE_LIMIT` (events with a prerendered page and preview image, in date order),
 * `STORY_LIST_SIZE` (events per list file: a story of more than one is read a file at a time),
 * `SEARCH_PART_EVENTS` (events per part of the search index).
 */
export function getStoryParts(): Promise<ReturnType<typeof splitSummary>> {
	cachedParts ??= getStory().then((story) =>
		splitSummary(withTiles(summarise(story)), {
			partSize: partSize(),
			inlineEvents: envCount('STORY_INLINE_EVENTS', DEFAULT_INLINE_EVENTS),
			pageLimit: pageLimit(),
			searchPartEvents: searchPartEvents(),
			listSize: listSize(),
			downloads: downloadSizes(story, siteUrl()),
			eventDownloadSizes: (id) => downloadSizes(story, siteUrl(), id),
			siteUrl: siteUrl(),
			domain: timelineDomain(story.events, story.article.date)
		})
	);
	return cachedParts;
}

const partSize = () => Math.max(1, envCount('STORY_PART_SIZE', DEFAULT_PART_SIZE));
const pageLimit = () => envCount('STORY_PAGE_LIMIT', DEFAULT_PAGE_LIMIT);
const listSize = () => Math.max(1, envCount('STORY_LIST_SIZE', DEFAULT_LIST_SIZE));

/**
 * How many files of each kind the build writes, and how many events have pages, from the
 * story's size alone: what the routes' `entries` need. SvelteKit calls those in its analysis
 * step too, in a thread of its own, and making the files' contents (the downloads among
 * them) only to count them took a minute of a 100,000-event build.
 */
export async function getFileCounts(): Promise<{
	parts: number;
	lists: number;
	searchParts: number;
	pageLimit: number;
	eventDownloads: boolean;
}> {
	const events = await eventCount();
	return {
		parts: partCount(events, partSize()),
		lists: listCount(events, listSize()),
		searchParts: searchPartCount(events, searchPartEvents()),
		pageLimit: pageLimit(),
		eventDownloads: hasEventDownloads(events, pageLimit())
	};
}

/**
 * Layers with more features than this are served as vector tiles (`$lib/map/story-tiles`):
 * `STORY_TILE_THRESHOLD`, or the default. The build writes their tiles
 * (`./story-tiles-write`) and no GeoJSON file for them.
 */
export const tileThreshold = () => envCount('STORY_TILE_THRESHOLD', DEFAULT_TILE_THRESHOLD);

/** Whether a layer of this many features is served as tiles in this build. */
export const tiledInBuild = (featureCount: number) => isTiled(featureCount, tileThreshold());

/**
 * The layers served as tiles, their features with only what tiles carry (`sourceFeature`).
 * From the compiled file when the build wrote one, which is read without the events.
 */
export async function getTiledLayers(): Promise<
	{ layer: CompiledLayer; data: FeatureCollection<Geometry, SourceProperties> }[]
> {
	const file = compiledFile();
	const layers =
		file && !cached
			? readCompiledLayers(file, sourceFeature)
			: (await getStory()).layers.map((layer) => ({
					layer,
					features: layer.data.features.map(sourceFeature)
				}));
	return layers
		.filter(({ features }) => tiledInBuild(features.length))
		.map(({ layer, features }) => ({ layer, data: { type: 'FeatureCollection', features } }));
}

/** The summary with each layer marked as tiled or not. */
export function withTiles(summary: StorySummary): StorySummary {
	return {
		...summary,
		layers: summary.layers.map((l) => ({ ...l, tiled: tiledInBuild(l.featureCount) }))
	};
}

/** Events per part of the search index (`$lib/search/parts` keeps it at least 1). */
const searchPartEvents = () => envCount('SEARCH_PART_EVENTS', SEARCH_PART_EVENTS);

/** The search index's parts (`$lib/search/documents`), as many as the shell says. */
export function getSearchParts(): Promise<SearchPart[]> {
	cachedSearch ??= getStory().then((story) =>
		buildSearchParts(summarise(story), searchPartEvents())
	);
	return cachedSearch;
}
