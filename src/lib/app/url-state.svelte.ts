/**
 * The address bar: the one reader of `location.hash` and the one writer of `history` in the
 * app. The path says which event is selected (`/events/<id>/`, changed by navigation so Back
 * works); the hash holds the view, passage, layers and time window (`$lib/url/hash-state`).
 *
 * The state is read from the address bar on each navigation and hash change, and written
 * back with one throttled `replaceState` (Mobile Safari refuses more than 100 history updates
 * per 30 s: maplibre-gl-js `hash.ts`). Writes go through `withHashKeys`, so hash keys that
 * are not ours (another script's, a host's) survive every write.
 *
 * SvelteKit's navigation functions and `location` are passed in, so tests need no router.
 */
import {
	hashEntries,
	parseHash,
	serializeHash,
	withHashKeys,
	type HashContext,
	type HashState
} from '$lib/url/hash-state';
import { excerpt } from '$lib/url/view';

/** What `$app/navigation` gives (the layout passes SvelteKit's own). */
export interface Navigation {
	replaceState(url: string, state: App.PageState): void;
	pushState(url: string, state: App.PageState): void;
	goto(
		url: string,
		opts: { noScroll: boolean; keepFocus: boolean; state?: App.PageState }
	): Promise<void>;
}

export interface UrlStateOptions {
	nav: Navigation;
	/** What the story allows in a link (passage and layer ids, zoom bounds). */
	context: () => HashContext;
	/** Layers shown by default: `layers=` is written only when the state differs. */
	defaultLayers: () => readonly string[];
	/** The address bar (`location`). */
	location: () => Pick<Location, 'origin' | 'pathname' | 'search' | 'hash'>;
	/** SvelteKit's page state, kept by `replaceState`. */
	pageState?: () => App.PageState;
	/** Milliseconds between a change and its write to the address bar. */
	delay?: number;
}

/** One object for "no state": `{}` per address change would re-run every reader. */
const EMPTY: HashState = {};

export class UrlState {
	/** The hash's state, as the page shows it (ahead of the address bar while a write waits). */
	state = $state.raw<HashState>(EMPTY);
	/** Why parts of the link were ignored, for a dismissible notice. */
	notices = $state.raw<string[]>([]);
	#opts: UrlStateOptions;
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** The address bar has been read at least once. */
	#read = false;

	constructor(opts: UrlStateOptions) {
		this.#opts = opts;
	}

	/** Read the address bar's hash: the state it holds, and a notice per ignored value. */
	read(): HashState {
		const { state, ignored } = parseHash(this.#opts.location().hash, this.#opts.context());
		this.#read = true;
		this.state = state;
		this.notices = ignored.map((i) => `Ignored “${i.key}” in the link: ${i.reason}.`);
		return state;
	}

	/** The page's path. */
	pathname(): string {
		return this.#opts.location().pathname;
	}

	/**
	 * The state, reading the address bar first if no navigation has yet (the map may start
	 * before SvelteKit reports the first one).
	 */
	current(): HashState {
		return this.#read ? this.state : this.read();
	}

	/** The path names an event the story does not have: the whole story is shown. */
	notifyMissing(eventId: string) {
		const id = excerpt(eventId, 80);
		this.notices = [
			...this.notices,
			`There is no event “${id}” in this story: showing the whole story.`
		];
	}

	dismiss() {
		this.notices = [];
	}

	/** Change the state shown; the address bar follows after the throttle. */
	update(next: HashState) {
		this.state = next;
		this.#writeSoon();
	}

	/** Change the state shown without writing (a navigation will carry it). */
	set(next: HashState) {
		this.state = next;
	}

	/** `path` with the state's hash, keeping the address bar's hash keys that are not ours. */
	href(state: HashState = this.state, path = this.#opts.location().pathname): string {
		const { search, hash } = this.#opts.location();
		const entries = hashEntries(state, { defaultLayers: this.#opts.defaultLayers() });
		const h = withHashKeys(hash, entries);
		return `${path}${search}${h ? `#${h}` : ''}`;
	}

	/** A link to `path` with exactly `state` (for anchors in the page: nothing else carried). */
	link(path: string, state: HashState): string {
		const h = serializeHash(state, { defaultLayers: this.#opts.defaultLayers() });
		return `${path}${h ? `#${h}` : ''}`;
	}

	/** Write now what is waiting, and return the address to share. */
	commit(): string {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		const url = this.href();
		const { origin, pathname, search, hash } = this.#opts.location();
		if (url !== `${pathname}${search}${hash}`) {
			this.#opts.nav.replaceState(url, this.#opts.pageState?.() ?? {});
		}
		return `${origin}${url}`;
	}

	/** A new history entry on this page (Back returns to the state before). */
	push(next: HashState) {
		this.state = next;
		const url = this.href(next);
		const { pathname, search, hash } = this.#opts.location();
		if (url !== `${pathname}${search}${hash}`) this.#opts.nav.pushState(url, {});
	}

	/** Navigate to another page of the app with `next` in its hash; the map stays. */
	async navigate(path: string, next: HashState, state?: App.PageState): Promise<void> {
		this.state = next;
		clearTimeout(this.#timer);
		this.#timer = undefined;
		await this.#opts.nav.goto(this.href(next, path), {
			noScroll: true,
			keepFocus: true,
			...(state ? { state } : {})
		});
	}

	/** Stop a pending write (the page is going away). */
	dispose() {
		clearTimeout(this.#timer);
		this.#timer = undefined;
	}

	#writeSoon() {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.commit(), this.#opts.delay ?? 300);
	}
}
