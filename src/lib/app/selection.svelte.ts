/**
 * The selected event and its popup, what is emphasised on the map, and which words of the
 * article are marked. The event comes from the path (`/events/<id>/`): selecting one
 * navigates there through the address bar's owner (`UrlState`), so Back returns to the
 * selection before.
 */
import { tick } from 'svelte';
import type { Range } from '$lib/article/segments';
import type { BBox } from '$lib/story/compiled';
import type { RankedEvent } from '$lib/story/parts';
import { markInPassage, primaryFeature } from '$lib/ui/selection';
import { formatStoryDate } from '$lib/ui/format';
import { dateInWindow, type TimeWindow } from '$lib/time/window';
import type { HashState, MapView } from '$lib/url/hash-state';
import type { Shown } from './shown.svelte';
import type { StoryIndexState } from './story-index.svelte';
import type { UrlState } from './url-state.svelte';

export interface SelectionOptions {
	story: StoryIndexState;
	shown: Shown;
	url: UrlState;
	/** The event id in the page's path, and the event the page's load found for it. */
	page: () => { id?: string; event?: RankedEvent };
	/** Move the camera to frame an event. */
	frame: (bbox: BBox) => void;
	/** The element with keyboard focus (`document.activeElement`). */
	focused?: () => HTMLElement | null;
	/**
	 * Where the pages live: '' for the full pages, '/embed' in the embed view, whose event
	 * pages are `/embed/events/<id>/` (a frame stays in its own view).
	 */
	base?: string;
}

export interface SelectOptions {
	/** The feature whose popup opens (default: the event's primary feature). */
	fid?: string;
	/** Frame the event (the view leaves the link until the camera has moved). */
	frame: boolean;
	/** The passage to mark (default: the one marked, if the feature comes from it). */
	passage?: string;
	/** Move keyboard focus into the popup. */
	focus?: boolean;
}

export class Selection {
	#o: SelectionOptions;
	popupFid = $state<string>();
	popupOpen = $state(false);
	/** How the next popup opens: panned into view, with keyboard focus moved into it. */
	popupMode = $state.raw({ reveal: true, focus: false });
	hoveredPassage = $state<string>();
	hoveredEvent = $state<string>();
	/** What a screen reader hears after a selection. */
	announcement = $state('');
	/** Words a search found in a passage: marked while that passage is the link's. */
	found = $state.raw<{ passage: string; range: Range }>();
	/** Where focus was before the popup opened, to return it on close. */
	returnFocus: HTMLElement | null = null;

	/** The selected event: the path's, with its full record once its part is loaded. */
	event = $derived.by(() => {
		const { id, event } = this.#o.page();
		return id ? (this.#o.story.index.details.get(id) ?? event) : undefined;
	});
	feature = $derived.by(() =>
		this.popupFid ? this.#o.story.index.features[this.popupFid] : undefined
	);
	/** Whether the map draws the popup's feature (a boolean, so a view change stops here). */
	#drawn = $derived.by(
		() => this.popupFid !== undefined && this.#o.shown.isFeatureShown(this.popupFid)
	);
	/**
	 * The open popup and where it points. Never at what the map does not draw: a link's layers
	 * or window can hide the selected event. A new object only when the popup changes: the map
	 * pans it into view each time.
	 */
	popupAt = $derived.by(() => {
		const fid = this.popupFid;
		const at = fid ? this.#o.story.index.anchors[fid] : undefined;
		if (!this.popupOpen || !fid || !at || !this.#drawn) return undefined;
		return { fid, lngLat: at, ...this.popupMode };
	});
	/** Features drawn emphasised: a hovered passage's, a hovered event's, or the selection. */
	highlighted = $derived.by((): string[] => {
		const { index } = this.#o.story;
		if (this.hoveredPassage) return this.#o.story.byPassage[this.hoveredPassage] ?? [];
		if (this.hoveredEvent) return index.details.get(this.hoveredEvent)?.featureIds ?? [];
		return this.popupFid ? [this.popupFid] : [];
	});
	/** The marked passage and the words marked in it. */
	marked = $derived.by(() => {
		const pid = this.#o.url.state.passage;
		const passage = pid
			? this.#o.story.shell.article.passages.find((p) => p.id === pid)
			: undefined;
		if (!passage) return undefined;
		const found = this.found;
		if (found?.passage === passage.id) return found;
		const range = markInPassage(passage, this.feature, this.event, this.#o.story.index.features);
		return { passage: passage.id, range };
	});

	constructor(opts: SelectionOptions) {
		this.#o = opts;
	}

	/**
	 * Where the map opens: the link's view, else the selected event framed, else the story.
	 * Reads the address bar if no navigation has been reported yet (the map may start first).
	 */
	firstView(): { view: MapView } | { bbox: BBox } {
		const { view } = this.#o.url.current();
		return view ? { view } : { bbox: this.event?.bbox ?? this.#o.story.shell.bbox };
	}

	/** The popup an event opens: its primary feature. */
	#primary(event: RankedEvent) {
		const { story } = this.#o;
		return primaryFeature(event, story.index.features);
	}

	/** Select an event: navigate to its page (Back returns), keep the map, open its popup. */
	async select(eventId: string, opts: SelectOptions): Promise<void> {
		const { story, url } = this.#o;
		if (!story.index.details.has(eventId)) await story.ensureEvent(eventId).catch(console.error);
		const event = story.index.details.get(eventId);
		if (!event) return;
		this.returnFocus ??= this.#o.focused?.() ?? null;
		this.found = undefined;
		const fid = opts.fid ?? this.#primary(event)?.fid;
		// The passage marked stays if the feature comes from it, else the feature's first is
		// marked: as an event's link opened cold marks it.
		const from = fid ? story.index.features[fid]?.passages : undefined;
		const kept = url.state.passage && from?.includes(url.state.passage);
		const passage = opts.passage ?? (kept ? url.state.passage : (from?.[0] ?? url.state.passage));
		const next: HashState = { ...url.state, passage };
		// The view goes into the link only once the camera has moved to frame the event.
		if (opts.frame) delete next.view;
		this.popupMode = { reveal: true, focus: opts.focus ?? false };
		this.popupFid = fid;
		this.popupOpen = true;
		this.announcement = `Selected: ${event.title}, ${formatStoryDate(event.date)}, ${event.place}.`;
		if (opts.frame) this.#o.frame(event.bbox);
		// The selection shows at once; the address bar follows (the navigation fetches the
		// event page's small data file, which the reader need not wait for).
		const path = `${this.#o.base ?? ''}/events/${eventId}/`;
		if (url.pathname() !== path) await url.navigate(path, next, {});
		else url.push(next);
	}

	/** A feature clicked on the map; an uncertainty area stands for the feature it surrounds. */
	async clickFeature(fid: string, eventId: string): Promise<void> {
		const { story } = this.#o;
		if (!story.index.features[fid]) await story.ensureEvent(eventId).catch(console.error);
		const f = story.index.features[fid];
		if (!f) return;
		const target = f.of && story.index.features[f.of] ? f.of : fid;
		this.returnFocus = this.#o.focused?.() ?? null;
		await this.select(story.index.features[target].event, { fid: target, frame: false });
	}

	/**
	 * A place name in the article: its feature's popup, focus moved into it, the passage the
	 * name is in marked. Returns the feature, for the camera to fly to.
	 */
	place(featureId: string, passage: string | undefined, link: HTMLElement) {
		const f = this.#o.story.index.features[featureId];
		if (!f) return undefined;
		this.returnFocus = link;
		this.select(f.event, { fid: featureId, frame: false, passage, focus: true });
		return f;
	}

	/**
	 * Close the popup; on an event's page, go back to the story's (dropping the passage,
	 * which belonged to the selection). Resolves once the address bar has followed.
	 */
	async close(): Promise<boolean> {
		if (!this.popupOpen) return false;
		this.returnFocus = null;
		this.popupOpen = false;
		const { url } = this.#o;
		if (this.#o.page().id) {
			const next = { ...url.state };
			delete next.passage;
			await url.navigate(`${this.#o.base ?? ''}/`, next);
		}
		this.announcement = 'Popup closed.';
		return true;
	}

	/**
	 * The reader closed the popup (its ×, Escape, a window that leaves it out): close it, then
	 * give keyboard focus back to where it was before the popup opened, else to the map.
	 */
	async dismiss(): Promise<void> {
		const back = this.returnFocus;
		if (!(await this.close())) return;
		await tick();
		(back?.isConnected ? back : document.querySelector<HTMLElement>('.maplibregl-canvas'))?.focus();
	}

	/**
	 * The reader moved the time window: the link records it, and an open popup for a feature
	 * now outside it closes (it would point at nothing on the map).
	 */
	setWindow(w: TimeWindow) {
		this.#o.url.update(this.#o.shown.withWindow(w));
		if (this.feature && !dateInWindow(this.feature.date, w)) void this.dismiss();
	}

	/** Escape anywhere in the page (that nothing else took) closes the popup. */
	escape(e: KeyboardEvent) {
		if (e.key !== 'Escape' || !this.popupOpen) return;
		e.preventDefault();
		void this.dismiss();
	}

	/**
	 * A page was entered or returned to: show its event's popup, marking the passage the link
	 * names or else the one the popup comes from. Returns the event, if the path has one.
	 */
	arrive(): RankedEvent | undefined {
		const { story, url } = this.#o;
		const id = this.#o.page().id;
		const event = id ? story.index.details.get(id) : undefined;
		if (!event) {
			this.popupOpen = false;
			return undefined;
		}
		// A view from the link is kept exactly as it was shared.
		this.popupMode = { reveal: !url.state.view, focus: false };
		this.popupFid = this.#primary(event)?.fid;
		this.popupOpen = true;
		if (!url.state.passage) {
			const passage = story.index.features[this.popupFid ?? '']?.passages[0];
			url.set({ ...url.state, passage });
		}
		return event;
	}
}
