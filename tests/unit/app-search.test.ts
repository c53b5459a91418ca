/**
 * The search box's state (`$lib/app/search.svelte`) wired to the page's state on the real
 * story, over a fake address bar: debouncing, the options and their notes, the arrow keys,
 * what the live region says, and what choosing does to the selection and the link.
 */
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadStory } from '$lib/story/load';
import { summarise, type StorySummary } from '$lib/story/summary';
import { splitSummary } from '$lib/story/parts';
import { timelineDomain } from '$lib/time/timeline';
import { SearchState, loadEngine, widen, type SearchStateOptions } from '$lib/app/search.svelte';
import { wirePage } from './page-wiring';
import { buildSearchParts, type SearchPart } from '$lib/search/documents';
import { SearchEngine } from '$lib/search/engine';
import { storyYear } from '$lib/search/parts';

let summary: StorySummary;
let searchParts: SearchPart[];
let domain: ReturnType<typeof timelineDomain>;
beforeAll(() => {
	const story = loadStory(path.resolve('geo'));
	summary = summarise(story);
	domain = timelineDomain(story.events, story.article.date);
	searchParts = JSON.parse(JSON.stringify(buildSearchParts(summary)));
});
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** The page's state as the layout wires it, with search, over a fake address bar. */
function app(
	hash = '',
	opts: { inlineEvents?: number; engine?: SearchStateOptions['engine'] } = {}
) {
	const { shell, parts } = splitSummary(summary, {
		siteUrl: 'https://example.org',
		domain,
		inlineEvents: opts.inlineEvents
	});
	const { story, url, shown, selection, loc } = wirePage(shell, parts, hash);
	const loads = { n: 0 };
	const shownPassages: string[] = [];
	const search = new SearchState({
		story,
		url,
		shown,
		selection,
		engine:
			opts.engine ??
			(async () => (
				loads.n++,
				new SearchEngine(searchParts, storyYear(shell.article.date), shell.article.passages)
			)),
		showPassage: (pid) => shownPassages.push(pid)
	});
	url.read();
	return { url, shown, selection, search, loc, loads, shownPassages };
}

/** Type a query and let the debounce and the index load run. */
async function type(search: SearchState, query: string) {
	search.input(query);
	await vi.runAllTimersAsync();
}

describe('SearchState', () => {
	it('searches once typing pauses, and says how many results there are', async () => {
		const { search, loads } = app();
		search.input('bata');
		search.input('bataclan');
		expect(search.pending).toBe(true);
		expect(search.results).toBeUndefined();
		await vi.runAllTimersAsync();
		expect(loads.n).toBe(1);
		expect(search.pending).toBe(false);
		expect(search.open).toBe(true);
		expect(search.options[0].hit?.id).toBe('bataclan');
		expect(search.active).toBe(0);
		expect(search.announcement).toMatch(/^\d+ results?$/);
		await type(search, 'martial');
		expect(search.options).toEqual([]);
		expect(search.active).toBe(-1);
		expect(search.announcement).toBe('No results for “martial”');
		await type(search, '  ');
		expect(search.open).toBe(false);
		expect(search.announcement).toBe('');
	});

	it('loads a small story’s index after the first idle, a large one’s only when asked', async () => {
		const small = app();
		small.search.warm();
		await vi.runAllTimersAsync();
		expect(small.loads.n).toBe(1);
		const large = app('', { inlineEvents: 0 });
		large.search.warm();
		await vi.runAllTimersAsync();
		expect(large.loads.n).toBe(0);
		const loading = large.search.load();
		expect(large.search.loading).toBe(true);
		await loading;
		expect(large.search.loading).toBe(false);
		expect(large.loads.n).toBe(1);
	});

	it('fetches a large story’s index in its parts, saying how many are in', async () => {
		vi.useRealTimers();
		const { shell } = splitSummary(summary, { siteUrl: 'x', domain, searchPartEvents: 3 });
		const files = buildSearchParts(summary, 3).map((p) => JSON.stringify(p));
		expect(shell.searchParts).toBe(files.length);
		expect(files.length).toBeGreaterThan(1);
		const asked: string[] = [];
		const fetch = (async (url: string) => {
			asked.push(url);
			const k = Number(/search-(\d+)\.json$/.exec(url)?.[1]);
			return files[k] ? new Response(files[k]) : new Response('', { status: 404 });
		}) as typeof globalThis.fetch;
		const heard: string[] = [];
		const engine = await loadEngine(fetch, shell, (done, of) => heard.push(`${done}/${of}`));
		const n = files.length;
		expect(asked.sort()).toEqual(files.map((_, k) => `/story/search-${k}.json`).sort());
		expect(heard).toEqual(files.map((_, k) => `${k + 1}/${n}`));
		const whole = new SearchEngine(
			searchParts,
			storyYear(shell.article.date),
			shell.article.passages
		);
		for (const q of ['paris', 'bataclan', '13 nov', 'turkey'])
			expect(engine.search(q, Infinity).total, q).toBe(whole.search(q, Infinity).total);
		// A part missing is an error that names it.
		await expect(loadEngine(fetch, { ...shell, searchParts: n + 1 })).rejects.toThrow(
			`/story/search-${n}.json: HTTP 404`
		);
	});

	it('while the index loads, the state says how many parts are in', async () => {
		let release!: () => void;
		const held = new Promise<void>((r) => (release = r));
		const { search } = app('', {
			inlineEvents: 0,
			engine: async (onprogress) => {
				onprogress(1, 4);
				await held;
				onprogress(4, 4);
				return new SearchEngine(
					searchParts,
					storyYear(summary.article.date),
					summary.article.passages
				);
			}
		});
		const loading = search.load();
		await vi.advanceTimersByTimeAsync(0);
		expect(search.progress).toEqual({ done: 1, of: 4 });
		expect(search.loading).toBe(true);
		release();
		await loading;
		expect(search.progress).toEqual({ done: 4, of: 4 });
		expect(search.loading).toBe(false);
	});

	it('a failed load’s late parts do not count towards the retry', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const reports: ((done: number, of: number) => void)[] = [];
		let fail = true;
		const { search } = app('', {
			inlineEvents: 0,
			engine: async (onprogress) => {
				reports.push(onprogress);
				if (fail) throw new Error('HTTP 500');
				return new Promise<never>(() => {});
			}
		});
		await search.load();
		expect(search.problem).toMatch(/could not be loaded/);
		fail = false;
		void search.load();
		reports[1](1, 4);
		// The first attempt's straggler reports after the retry began.
		reports[0](3, 4);
		expect(search.progress).toEqual({ done: 1, of: 4 });
		log.mockRestore();
	});

	it('an index that fails to load is a problem to say, and can be tried again', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const { search } = app('', { engine: async () => Promise.reject(new Error('HTTP 500')) });
		await type(search, 'paris');
		log.mockRestore();
		expect(search.problem).toMatch(/could not be loaded/);
		expect(search.announcement).toMatch(/could not be loaded/);
		expect(search.loading).toBe(false);
	});

	it('the arrow keys move through the options and wrap; "show all" opens a group', async () => {
		const { search } = app();
		await type(search, 'the');
		const n = search.options.length;
		search.move(-1);
		expect(search.active).toBe(n - 1);
		search.move(1);
		expect(search.active).toBe(0);
		const more = search.options.find((o) => o.more === 'p')!;
		expect(more).toBeDefined();
		const total = search.sections.find((s) => s.group === 'p')!.total;
		await search.choose(more);
		const passages = search.sections.find((s) => s.group === 'p')!;
		expect(passages.options).toHaveLength(total);
	});

	it('a result outside the window says so; choosing it widens the window and selects it', async () => {
		const { search, url, loc, selection } = app('#t=2015-11-20..2015-11-27');
		await type(search, 'bataclan');
		const option = search.options[0];
		expect(option.note).toBe('outside the time window');
		await search.choose(option);
		expect(search.open).toBe(false);
		expect(url.state.time).toEqual({ from: '2015-11-13', to: '2015-11-27' });
		expect(loc.pathname).toBe('/events/paris-attacks/');
		expect(loc.hash).toMatch(/t=2015-11-13\.\.2015-11-27/);
		expect(selection.popupFid).toBe('bataclan');
		expect(selection.popupOpen).toBe(true);
	});

	it('a result in a hidden layer says so; choosing it shows the layer', async () => {
		const { search, shown } = app('#layers=places');
		await type(search, 'bataclan');
		expect(search.options[0].note).toBe('layer hidden');
		await search.choose(search.options[0]);
		expect(shown.layers).toContain('sites');
	});

	it('an event is selected as from the list; a passage is shown with the words found marked', async () => {
		const { search, selection, loc, url, shownPassages } = app();
		await type(search, 'paris attacks');
		await search.choose(search.options.find((o) => o.hit?.group === 'e')!);
		expect(loc.pathname).toBe('/events/paris-attacks/');
		await type(search, 'dinner');
		const passage = search.options.find((o) => o.hit?.group === 'p')!;
		await search.choose(passage);
		const pid = passage.hit!.id;
		expect(url.state.passage).toBe(pid);
		expect(loc.hash).toMatch(new RegExp(`passage=${pid}`));
		expect(shownPassages).toEqual([pid]);
		const text = summary.article.passages.find((p) => p.id === pid)!.text;
		const range = selection.marked!.range;
		expect(text.slice(range.start, range.end)).toMatch(/^dinner/i);
	});
});

describe('widen', () => {
	it('moves only the edges that leave the span out', () => {
		const w = { from: '2015-11-20', to: '2015-11-27' };
		expect(widen(w, '2015-11-13', '2015-11-13')).toEqual({ from: '2015-11-13', to: '2015-11-27' });
		expect(widen(w, '2015-11-25', '2015-12-02')).toEqual({ from: '2015-11-20', to: '2015-12-02' });
		expect(widen(w, '2015-09-30', null)).toEqual({ from: '2015-09-30' });
		expect(widen({}, '2015-01-01', null)).toEqual({});
	});
});
