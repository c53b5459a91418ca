/**
 * What the page does when it is entered, moved within by a link or Back, or given a new hash:
 * the same as a link opened cold (an event's page shows its popup and passage), with the map
 * moved to the view the address names. The layout calls these from SvelteKit's
 * `afterNavigate` and the window's `hashchange`; the state they move is the page's own.
 */
import { showPassage } from '$lib/article/passage-focus';
import type { MapViewState } from '$lib/map/MapView.svelte';
import type { BBox } from '$lib/story/compiled';
import type { PageState } from './page-state.svelte';

/** The parts of the page's state these move. */
type Parts = Pick<PageState, 'url' | 'story' | 'selection'>;
import type { Part } from './story-index.svelte';

/** The map as these need it (StoryMap's camera). */
export interface Camera {
	jumpTo(view: MapViewState): void;
	frame(bbox: BBox): void;
}

/** What a page's load gave: its event's index part, or the id of an event the story lacks. */
export interface ArrivalData {
	part?: Part;
	missing?: string;
}

/**
 * After a navigation: 'enter' is the cold start (the map opens on the link's view itself);
 * a link or Back moves the map to the address's view, else frames the event or the story.
 */
export function afterNavigation(
	app: Parts,
	camera: Camera | undefined,
	type: string,
	data: ArrivalData
): void {
	if (type !== 'enter' && type !== 'popstate' && type !== 'link') return;
	const { url, story, selection } = app;
	url.read();
	if (data.part) story.add([data.part]);
	if (data.missing) url.notifyMissing(data.missing);
	const event = selection.arrive();
	const view = url.state.view;
	if (type !== 'enter') {
		if (view) camera?.jumpTo(view);
		else camera?.frame(event?.bbox ?? story.shell.bbox);
	} else if (url.state.passage && event) showPassage(url.state.passage, { focus: false });
}

/** Hash links (passage links followed by the browser), Back between them, a pasted view. */
export function afterHashChange(app: Parts, camera: Camera | undefined): void {
	const { url, selection } = app;
	const before = url.state;
	const now = url.read();
	selection.arrive();
	if (now.passage && now.passage !== before.passage) showPassage(now.passage, { focus: true });
	// Our own writes use replaceState, which fires no hashchange: a changed view was typed.
	const [v, old] = [now.view, before.view];
	if (v && (!old || v.lat !== old.lat || v.lng !== old.lng || v.zoom !== old.zoom))
		camera?.jumpTo(v);
}
