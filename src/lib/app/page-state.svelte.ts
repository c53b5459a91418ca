/**
 * The page's state, wired: the story as loaded, the address bar, what the link shows, the
 * selection and Play. The layout makes one and hands its parts to the components; tests make
 * one over a fake address bar.
 */
import type { BBox } from '$lib/story/compiled';
import type { RankedEvent, StoryShell } from '$lib/story/parts';
import { MAP_MAX_ZOOM, MAP_MIN_ZOOM } from '$lib/map/basemap-style';
import { showPassage } from '$lib/article/passage-focus';
import { Player } from './player.svelte';
import { SearchLoader } from './search-loader.svelte';
import { Selection } from './selection.svelte';
import { Shown } from './shown.svelte';
import { StoryIndexState, type Part } from './story-index.svelte';
import { UrlState, type UrlStateOptions } from './url-state.svelte';

export interface PageStateOptions extends Pick<UrlStateOptions, 'nav' | 'location' | 'pageState'> {
	shell: StoryShell;
	/** Index parts the page already has (all of a small story's). */
	parts: Part[];
	fetch: typeof globalThis.fetch;
	/** The event id in the page's path, and the event the page's load found for it. */
	page: () => { id?: string; event?: RankedEvent };
	/** Move the camera to frame an event. */
	frame: (bbox: BBox) => void;
	/** The element with keyboard focus, to return focus to when the popup closes. */
	focused?: () => HTMLElement | null;
	/** Where the pages live: '' for the full pages, '/embed' inside a frame. */
	base?: string;
}

export function pageState(o: PageStateOptions) {
	const story = new StoryIndexState(o.shell, o.parts, o.fetch);
	const url = new UrlState({
		nav: o.nav,
		location: o.location,
		pageState: o.pageState,
		context: () => ({
			passageIds: story.shell.article.passages.map((p) => p.id),
			layerIds: story.shell.layers.map((l) => l.id),
			minZoom: MAP_MIN_ZOOM,
			maxZoom: MAP_MAX_ZOOM
		}),
		defaultLayers: () => story.defaultLayers
	});
	const shown = new Shown(story, () => url.state);
	const selection = new Selection({
		story,
		shown,
		url,
		page: o.page,
		frame: o.frame,
		focused: o.focused,
		base: o.base
	});
	/** A paged story reads the list files the list (or Play) needs, and the selection's. */
	const needRows = (rows: number) =>
		story.ensureRows(rows, shown.isEventShown, selection.event?.rank);
	const player = new Player({
		order: () => shown.events,
		more: needRows,
		selected: () => selection.event?.id,
		select: (id) => selection.select(id, { frame: true })
	});
	const search = new SearchLoader({
		story,
		url,
		shown,
		selection,
		fetch: o.fetch,
		showPassage: (pid) => showPassage(pid, { focus: true })
	});
	return { story, url, shown, selection, player, search, needRows };
}

/** The page's state, as the layout hands it to the components that need several parts of it. */
export type PageState = ReturnType<typeof pageState>;
