/**
 * The page's state modules (`$lib/app`) on the real story: what the index holds, what a
 * link's layers and window show, the selection and Play. The address bar is a fake one.
 */
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadStory } from '$lib/story/load';
import { summarise } from '$lib/story/summary';
import { splitSummary, type ListPart, type StoryPart, type StoryShell } from '$lib/story/parts';
import { timelineDomain } from '$lib/time/timeline';
import { StoryIndexState, type Part } from '$lib/app/story-index.svelte';
import { Shown } from '$lib/app/shown.svelte';
import { Player } from '$lib/app/player.svelte';
import type { HashState } from '$lib/url/hash-state';
import { wirePage } from './page-wiring';

let split: (opts?: { inlineEvents?: number; partSize?: number }) => {
	shell: StoryShell;
	parts: StoryPart[];
	lists: ListPart[];
};
beforeAll(() => {
	const story = loadStory(path.resolve('geo'));
	const summary = summarise(story);
	split = (opts = {}) =>
		splitSummary(summary, {
			siteUrl: 'https://example.org',
			domain: timelineDomain(story.events, story.article.date),
			...opts
		});
});

const WEEK = { from: '2015-11-20', to: '2015-11-27' };

/** The modules wired as the layout wires them, over a fake address bar. */
function app(hash = '', pathname = '/', base = '') {
	const { shell, parts } = split();
	const page = wirePage(shell, parts, hash, pathname, base);
	page.url.read();
	return { shell, ...page };
}

describe('StoryIndexState', () => {
	it('holds the inlined parts at once, and fetches the part of an event it lacks', async () => {
		const { shell, parts } = split({ partSize: 2, inlineEvents: 0 });
		const fetched: string[] = [];
		const fakeFetch = (async (p: string) => {
			fetched.push(p);
			const k = Number(/part-(\d+)/.exec(p)![1]);
			return new Response(JSON.stringify(parts[k]));
		}) as typeof fetch;
		const first: Part = { k: 0, part: parts[0] };
		const story = new StoryIndexState(shell, [first], fakeFetch);
		expect(story.index.events.map((e) => e.id)).toEqual(parts[0].events.map((e) => e.id));
		const other = parts.findIndex((p, k) => k > 0 && p.events.length > 0);
		const id = parts[other].events[0].id;
		await story.ensureEvent(id);
		expect(fetched).toEqual([`/story/part-${other}.json`]);
		expect(story.index.details.has(id)).toBe(true);
		await story.ensureEvent(id);
		expect(fetched).toHaveLength(1);
	});

	it('loads a large story’s list once; a failure is a problem to show, not a throw', async () => {
		const { shell, lists } = split({ inlineEvents: 0 });
		let calls = 0;
		const ok = (async () => {
			calls++;
			return new Response(JSON.stringify(lists[0]));
		}) as unknown as typeof fetch;
		const story = new StoryIndexState(shell, [], ok);
		await Promise.all([story.loadList(), story.loadList()]);
		expect(calls).toBe(shell.lists);
		expect(story.index.listed).toBe(true);
		expect(story.index.events).toHaveLength(shell.eventCount);
		const broken = new StoryIndexState(
			shell,
			[],
			(async () => new Response('', { status: 500 })) as unknown as typeof fetch
		);
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		await broken.loadList();
		log.mockRestore();
		expect(broken.problem).toMatch(/could not be loaded/);
		expect(broken.loading).toBe(false);
	});
});

describe('Shown', () => {
	it('without a window or layers: every layer, every event, the layers’ own counts', () => {
		const { shell, shown } = app();
		expect(shown.layers).toEqual(shell.layers.filter((l) => !l.hidden).map((l) => l.id));
		expect(shown.events).toHaveLength(shell.eventCount);
		expect(shown.eventCount).toBe(shell.eventCount);
		for (const l of shell.layers) expect(shown.layerCounts[l.id]).toBe(l.featureCount);
	});

	it('a window counts, per layer, exactly the features the map draws, and 0 for none', () => {
		const { story, shown } = app('#t=2015-11-20..2015-11-27');
		expect(shown.window).toEqual(WEEK);
		// The reader saw "6 events" for this week: everything but Paris and Sinai.
		expect(shown.events.map((e) => e.id).sort()).toEqual([
			'ankara-accusations',
			'assad-fate',
			'kremlin-talks',
			'oil-smuggling',
			'su24-shootdown',
			'syria-air-campaign'
		]);
		expect(shown.eventCount).toBe(shown.events.length);
		const features = Object.values(story.index.features);
		for (const l of story.shell.layers) {
			const drawn = features.filter((f) => f.layer === l.id && shown.isFeatureShown(f.fid));
			expect(shown.layerCounts[l.id], l.id).toBe(drawn.length);
		}
		expect(shown.layerCounts.flights).toBe(0);
		expect(shown.outsideWindow().every((fid) => !shown.isFeatureShown(fid))).toBe(true);
	});

	it('a hidden layer’s features are not drawn; the others are', () => {
		const { story, shown } = app('#layers=events');
		for (const f of Object.values(story.index.features)) {
			expect(shown.isFeatureShown(f.fid), f.fid).toBe(f.layer === 'events');
		}
		expect(shown.isFeatureShown('no-such-feature')).toBe(false);
	});

	it('a large story not yet listed: the timeline counts every event, a window the listed ones', () => {
		const { shell, parts } = split({ partSize: 3, inlineEvents: 0 });
		const story = new StoryIndexState(shell, [{ k: 0, part: parts[0] }], fetch);
		let hash: HashState = {};
		const shown = new Shown(story, () => hash);
		expect(shown.eventCount).toBe(shell.eventCount);
		hash = { time: WEEK };
		const again = new Shown(story, () => hash);
		expect(again.eventCount).toBe(again.events.length);
	});
});

describe('Selection', () => {
	it('an event’s page opens its popup and marks the passage it comes from', () => {
		const { selection, url } = app('', '/events/su24-shootdown/');
		const event = selection.arrive();
		expect(event?.id).toBe('su24-shootdown');
		expect(selection.popupAt?.fid).toBe(selection.popupFid);
		expect(selection.popupAt?.reveal).toBe(true);
		expect(url.state.passage).toBe(selection.feature?.passages[0]);
		expect(selection.marked?.passage).toBe(url.state.passage);
	});

	it('the map opens on the link’s view, else the event framed, else the story', () => {
		expect(app('#map=7/35.8/36', '/events/su24-shootdown/').selection.firstView()).toEqual({
			view: { zoom: 7, lat: 35.8, lng: 36, bearing: 0, pitch: 0 }
		});
		const event = app('', '/events/su24-shootdown/');
		expect(event.selection.firstView()).toEqual({ bbox: event.selection.event!.bbox });
		const story = app('');
		expect(story.selection.firstView()).toEqual({ bbox: story.shell.bbox });
	});

	it('keeps a view and a passage from the link', () => {
		const { selection } = app('#map=7/35.8/36&passage=p15', '/events/su24-shootdown/');
		selection.arrive();
		expect(selection.popupAt?.reveal).toBe(false);
		expect(selection.marked?.passage).toBe('p15');
	});

	it('never points a popup at what the map does not draw', () => {
		const { selection } = app('#t=2015-11-20..2015-11-27', '/events/sinai-crash/');
		expect(selection.arrive()?.id).toBe('sinai-crash');
		expect(selection.popupOpen).toBe(true);
		expect(selection.popupAt).toBeUndefined();
		const hidden = app('#layers=places', '/events/su24-shootdown/');
		hidden.selection.arrive();
		expect(hidden.selection.popupAt).toBeUndefined();
	});

	it('selecting navigates to the event’s page, marks its passage, and frames it', async () => {
		const { selection, loc, moves, framed, url } = app('#t=2015-11-20..2015-11-27&map=3/40/30');
		await selection.select('kremlin-talks', { frame: true });
		expect(loc.pathname).toBe('/events/kremlin-talks/');
		expect(moves).toHaveLength(1);
		expect(url.state.view).toBeUndefined();
		expect(url.state.time).toEqual(WEEK);
		expect(url.state.passage).toBe(selection.feature?.passages[0]);
		// The link's keys keep their places; the passage joins them.
		expect(loc.hash).toBe(`#t=2015-11-20..2015-11-27&passage=${url.state.passage}`);
		expect(framed).toHaveLength(1);
		expect(selection.announcement).toMatch(/^Selected: /);
		// Selecting again on the same page is a new history entry.
		await selection.select('kremlin-talks', { frame: false, passage: 'p8' });
		expect(moves).toEqual([moves[0], '/events/kremlin-talks/#t=2015-11-20..2015-11-27&passage=p8']);
	});

	it('an uncertainty area stands for its feature; closing goes back to the story', async () => {
		const { selection, story, loc } = app('', '/');
		const area = Object.values(story.index.features).find((f) => f.of)!;
		await selection.clickFeature(area.fid, area.event);
		expect(selection.popupFid).toBe(area.of);
		expect(loc.pathname).toBe(`/events/${area.event}/`);
		expect(await selection.close()).toBe(true);
		expect(loc.pathname).toBe('/');
		expect(loc.hash).toBe('');
		expect(await selection.close()).toBe(false);
	});

	it('in the embed view, selecting and closing stay in the embed view’s pages', async () => {
		const { selection, loc } = app('#t=2015-11-20..2015-11-27', '/embed/', '/embed');
		await selection.select('kremlin-talks', { frame: false });
		expect(loc.pathname).toBe('/embed/events/kremlin-talks/');
		expect(selection.event?.id).toBe('kremlin-talks');
		expect(await selection.close()).toBe(true);
		expect(loc.pathname).toBe('/embed/');
		expect(loc.hash).toBe('#t=2015-11-20..2015-11-27');
	});

	it('highlights a hovered passage’s features, else a hovered event’s, else the popup’s', () => {
		const { selection, story } = app('', '/events/paris-attacks/');
		selection.arrive();
		expect(selection.highlighted).toEqual([selection.popupFid]);
		selection.hoveredEvent = 'kremlin-talks';
		expect(selection.highlighted).toEqual(story.index.details.get('kremlin-talks')!.featureIds);
		selection.hoveredPassage = 'p7';
		expect(selection.highlighted).toEqual(story.byPassage.p7);
	});
});

describe('Player', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('selects each event after the selected one, a step apart, and stops at the end', async () => {
		const picked: string[] = [];
		let selected: string | undefined = 'b';
		const player = new Player({
			order: () => [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
			selected: () => selected,
			select: async (id) => {
				picked.push(id);
				selected = id;
			},
			step: 1000
		});
		player.play();
		await vi.advanceTimersByTimeAsync(0);
		expect(picked).toEqual(['c']);
		expect(player.playing).toBe(true);
		await vi.advanceTimersByTimeAsync(999);
		expect(picked).toEqual(['c']);
		await vi.advanceTimersByTimeAsync(1);
		expect(picked).toEqual(['c', 'd']);
		await vi.advanceTimersByTimeAsync(1000);
		expect(player.playing).toBe(false);
		expect(picked).toEqual(['c', 'd']);
	});

	it('Pause stops it, even while a selection is under way; nothing to play is no play', async () => {
		const picked: string[] = [];
		let release = () => {};
		const player = new Player({
			order: () => [{ id: 'a' }, { id: 'b' }],
			selected: () => undefined,
			select: (id) =>
				new Promise<void>((resolve) => {
					picked.push(id);
					release = resolve;
				})
		});
		player.play();
		player.pause();
		release();
		await vi.advanceTimersByTimeAsync(10_000);
		expect(picked).toEqual(['a']);
		const empty = new Player({
			order: () => [],
			selected: () => undefined,
			select: async () => {}
		});
		empty.play();
		expect(empty.playing).toBe(false);
	});
});
