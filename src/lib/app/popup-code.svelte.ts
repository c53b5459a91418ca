/**
 * The popup's code (EventPopup), fetched when a popup is wanted (a link that opens on one)
 * or the reader first presses, types or tabs (the press before a click is time enough to
 * fetch it), not with the page: the first load of the story page has a budget
 * (BENCHMARKS.md), and a reader who only looks never opens a popup. Until the code is here
 * the layout opens no popup, so a popup never appears empty and then grows.
 */
import type EventPopup from '$lib/ui/EventPopup.svelte';

export type PopupCode = typeof EventPopup;

export class PopupCodeState {
	/** The component, once loaded. */
	code = $state.raw<PopupCode>();
	#loading: Promise<PopupCode | undefined> | undefined;

	constructor(
		private readonly importCode: () => Promise<PopupCode> = async () =>
			(await import('$lib/ui/EventPopup.svelte')).default
	) {}

	/** Start loading (once; a failed load is reported and tried again on the next call). */
	load(): Promise<PopupCode | undefined> {
		this.#loading ??= this.importCode().then(
			(code) => (this.code = code),
			(e) => {
				console.error('The popup could not be loaded:', e);
				this.#loading = undefined;
				return undefined;
			}
		);
		return this.#loading;
	}

	/** Load on the reader's first press, key or focus change on `target` (a hover is not intent). */
	loadOnIntent(target: EventTarget): void {
		const events = ['pointerdown', 'keydown', 'focusin'];
		const go = () => {
			for (const e of events) target.removeEventListener(e, go, true);
			void this.load();
		};
		for (const e of events) target.addEventListener(e, go, { capture: true, passive: true });
	}

	/** The popup the map may open: `at` once the code is here; asking for one starts loading it. */
	gate<T>(at: T | undefined): T | undefined {
		if (at !== undefined && !this.code) void this.load();
		return this.code ? at : undefined;
	}
}
