/**
 * The search box's state and code (`search.svelte`, then `$lib/search` and MiniSearch),
 * loaded when first wanted: after the map's first idle, or when the box is focused or typed
 * in. The page's first load carries only this and the box's shell.
 */
import type { SearchState, SearchStateOptions } from './search.svelte';

export class SearchLoader {
	/** The state, once its code is in. */
	current = $state.raw<SearchState>();
	#loading: Promise<SearchState> | undefined;
	#opts: Omit<SearchStateOptions, 'engine'> & { fetch: typeof globalThis.fetch };

	constructor(opts: Omit<SearchStateOptions, 'engine'> & { fetch: typeof globalThis.fetch }) {
		this.#opts = opts;
	}

	load(): Promise<SearchState> {
		this.#loading ??= import('./search.svelte').then(({ SearchState, loadEngine }) => {
			const o = this.#opts;
			const engine: SearchStateOptions['engine'] = (onprogress) =>
				loadEngine(o.fetch, o.story.shell, onprogress);
			return (this.current = new SearchState({ ...o, engine }));
		});
		return this.#loading;
	}

	/** After the map's first idle: a small story's index too, so the first keystroke answers. */
	warm() {
		this.load().then((s) => s.warm(), console.error);
	}
}
