/**
 * The page's state modules wired as the layout wires them (`$lib/app`), over a fake address
 * bar: the story index, the URL, what the link shows and the selection. Shared by the unit
 * tests of the state modules and of search.
 */
import { StoryIndexState } from '$lib/app/story-index.svelte';
import { Shown } from '$lib/app/shown.svelte';
import { Selection } from '$lib/app/selection.svelte';
import { UrlState } from '$lib/app/url-state.svelte';
import type { StoryPart, StoryShell } from '$lib/story/parts';

export function wirePage(
	shell: StoryShell,
	parts: StoryPart[],
	hash = '',
	pathname = '/',
	base = '',
	fetcher: typeof fetch = fetch
) {
	const loc = { origin: 'https://example.org', pathname, search: '', hash };
	/** Every URL the page navigated or wrote to, in order. */
	const moves: string[] = [];
	const move = (url: string) => {
		moves.push(url);
		const u = new URL(url, loc.origin);
		loc.pathname = u.pathname;
		loc.hash = u.hash;
	};
	const story = new StoryIndexState(
		shell,
		parts.map((part, k) => ({ k, part })),
		fetcher
	);
	const url = new UrlState({
		nav: { replaceState: move, pushState: move, goto: async (u) => move(u) },
		context: () => ({
			passageIds: shell.article.passages.map((p) => p.id),
			layerIds: shell.layers.map((l) => l.id),
			minZoom: 1,
			maxZoom: 18
		}),
		defaultLayers: () => story.defaultLayers,
		location: () => loc
	});
	const shown = new Shown(story, () => url.state);
	/** The bounding boxes the camera was asked to frame. */
	const framed: string[] = [];
	const selection = new Selection({
		story,
		shown,
		url,
		page: () => ({ id: /^(?:\/embed)?\/events\/([^/]+)\/$/.exec(loc.pathname)?.[1] }),
		frame: (bbox) => framed.push(bbox.join(',')),
		base
	});
	return { story, url, shown, selection, loc, moves, framed };
}
