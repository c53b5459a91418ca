/**
 * A paged story (`shell.paged`: more than one list file): its counts and timeline come from
 * its spans (`/story/spans.json`), and its list files are read as the list, Play or the
 * selection need them, never all at once. On the real story, cut into list files of 2 events,
 * against the same story read whole.
 */
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadStory } from '$lib/story/load';
import { summarise } from '$lib/story/summary';
import { listFilesFor } from '$lib/app/list-files';
import {
	splitSummary,
	storySpans,
	StoryIndex,
	type ListedEvent,
	type ListPart,
	type SpansFile,
	type StoryPart,
	type StoryShell
} from '$lib/story/parts';
import { timelineDomain } from '$lib/time/timeline';
import { timelineMarks } from '$lib/time/marks';
import { fromDayIndex, dayIndex, inWindow, type TimeWindow } from '$lib/time/window';
import { Player } from '$lib/app/player.svelte';
import { wirePage } from './page-wiring';

type Split = { shell: StoryShell; parts: StoryPart[]; lists: ListPart[]; spans: SpansFile };
let paged: Split;
let whole: Split;
beforeAll(() => {
	const story = loadStory(path.resolve('geo'));
	const summary = summarise(story);
	const split = (listSize?: number) =>
		splitSummary(summary, {
			siteUrl: 'https://example.org',
			domain: timelineDomain(story.events, story.article.date),
			inlineEvents: 0,
			listSize
		});
	paged = split(2);
	whole = split();
});

/** A fetch of the story's files, recording what was asked for. */
function files(split: Split) {
	const asked: string[] = [];
	const fetcher = (async (p: string) => {
		asked.push(p);
		const list = /\/story\/list-(\d+)\.json$/.exec(p);
		if (list) return new Response(JSON.stringify(split.lists[Number(list[1])]));
		if (p === '/story/spans.json') return new Response(JSON.stringify(split.spans));
		return new Response('', { status: 404 });
	}) as typeof fetch;
	return { asked, fetcher };
}

/** The page wired over a paged story, with nothing of the index inlined. */
function pagedApp(hash = '') {
	const { asked, fetcher } = files(paged);
	const page = wirePage(paged.shell, [], hash, '/', '', fetcher);
	page.url.read();
	const needRows = (rows: number) =>
		page.story.ensureRows(rows, page.shown.isEventShown, page.selection.event?.rank);
	return { ...page, asked, needRows };
}

const WEEK = '#t=2015-11-20..2015-11-27';

describe('the spans and list files of a paged story', () => {
	it('is paged only with more than one list file', () => {
		expect(paged.shell.paged).toBe(true);
		expect(paged.shell.lists).toBe(Math.ceil(paged.shell.eventCount / 2));
		expect(paged.shell.listSize).toBe(2);
		expect(whole.shell.paged).toBe(false);
	});

	it('groups the list’s events by span, counting them and their features per layer', () => {
		const events = whole.lists.flatMap((l) => l.events);
		const spans = paged.spans.spans;
		expect(spans.reduce((n, s) => n + s.count, 0)).toBe(events.length);
		for (const s of spans) {
			const mine = events.slice(s.from, s.from + s.count);
			expect(mine.every((e) => e.start === s.start && e.end === s.end)).toBe(true);
			expect(s.first.id).toBe(mine[0].id);
			const layers: Record<string, number> = {};
			for (const e of mine) for (const l of e.layers) layers[l] = (layers[l] ?? 0) + 1;
			expect(s.layers).toEqual(layers);
		}
	});

	it('finds the files that hold a window’s events, with how many each holds', () => {
		const day0 = dayIndex('2015-01-01');
		const day = fc.integer({ min: 0, max: 60 }).map((i) => fromDayIndex(day0 + i));
		const event = fc.tuple(day, fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }));
		fc.assert(
			fc.property(
				fc.array(event, { maxLength: 40 }),
				fc.integer({ min: 1, max: 7 }),
				fc.tuple(day, day),
				(raw, size, [a, b]) => {
					const events: ListedEvent[] = raw
						.map(([start, len]) => ({
							start,
							end: len === null ? null : fromDayIndex(dayIndex(start) + len)
						}))
						.sort((x, y) =>
							x.start !== y.start
								? x.start < y.start
									? -1
									: 1
								: (x.end ?? '~') < (y.end ?? '~')
									? -1
									: (x.end ?? '~') > (y.end ?? '~')
										? 1
										: 0
						)
						.map((e, rank) => ({
							...e,
							id: `e${rank}`,
							title: '',
							date: e.start,
							place: '',
							rank,
							layers: []
						}));
					const window: TimeWindow = a <= b ? { from: a, to: b } : { from: b, to: a };
					const wanted = (s: { start: string; end: string | null }) => inWindow(s, window);
					const expected = new Map<number, number>();
					for (const e of events)
						if (wanted(e))
							expected.set(
								Math.floor(e.rank / size),
								(expected.get(Math.floor(e.rank / size)) ?? 0) + 1
							);
					expect(listFilesFor(storySpans(events), wanted, size)).toEqual(
						[...expected].sort(([x], [y]) => x - y).map(([j, count]) => ({ j, count }))
					);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('holds the files read, in their order, and knows when it has them all', () => {
		const { lists } = paged;
		const some = StoryIndex.empty().withListFiles(
			[
				{ j: 2, list: lists[2] },
				{ j: 0, list: lists[0] }
			],
			lists.length
		);
		expect(some.events.map((e) => e.rank)).toEqual([
			...lists[0].events.map((e) => e.rank),
			...lists[2].events.map((e) => e.rank)
		]);
		expect(some.listed).toBe(false);
		expect(some.withListFiles([{ j: 0, list: lists[0] }], lists.length)).toBe(some);
		const all = some.withListFiles(
			lists.map((list, j) => ({ j, list })),
			lists.length
		);
		expect(all.listed).toBe(true);
		expect(all.events.map((e) => e.rank)).toEqual(all.events.map((_, i) => i));
	});
});

describe('a paged story on the page', () => {
	it('reads its spans, not its list, after the map: counts and timeline from them', async () => {
		const { story, shown, asked } = pagedApp();
		await story.loadList();
		expect(asked).toEqual(['/story/spans.json']);
		expect(shown.eventCount).toBe(paged.shell.eventCount);
		expect(shown.timelineEvents.reduce((n, e) => n + (e.count ?? 1), 0)).toBe(
			paged.shell.eventCount
		);
	});

	it('counts a window exactly as the whole list does, per layer too', async () => {
		for (const hash of ['', WEEK, '#t=2015-11-13..2015-11-13', '#t=2015-01-01..2015-10-30']) {
			const p = pagedApp(hash);
			await p.story.loadList();
			const { fetcher } = files(whole);
			const w = wirePage(whole.shell, [], hash, '/', '', fetcher);
			w.url.read();
			await w.story.loadList();
			expect(w.story.index.listed).toBe(true);
			expect(p.shown.eventCount, hash).toBe(w.shown.eventCount);
			expect(p.shown.layerCounts, hash).toEqual(w.shown.layerCounts);
			// The timeline places the same days with the same counts.
			const layout = (events: Parameters<typeof timelineMarks>[0]) =>
				timelineMarks(events, paged.shell.domain, paged.shell.article.date).marks.map(
					(m) => `${m.start} ${m.end} ${m.count} ${m.band} ${m.lane}`
				);
			expect(layout(p.shown.timelineEvents)).toEqual(layout(w.story.index.events));
		}
	});

	it('reads only the list files the rows need, in order, once', async () => {
		const { story, shown, asked, needRows } = pagedApp();
		await story.loadList();
		await Promise.all([needRows(3), needRows(3)]);
		expect(asked).toEqual(['/story/spans.json', '/story/list-0.json', '/story/list-1.json']);
		expect(shown.events.map((e) => e.rank)).toEqual([0, 1, 2, 3]);
		await needRows(100);
		expect(asked.filter((a) => a.includes('list-'))).toHaveLength(paged.shell.lists);
		expect(story.index.listed).toBe(true);
	});

	it('under a window, reads the files holding the window’s events, and no other', async () => {
		const { story, shown, asked, needRows } = pagedApp('#t=2015-11-13..2015-11-13');
		await story.loadList();
		await needRows(100);
		const ranks = whole.lists
			.flatMap((l) => l.events)
			.filter((e) => inWindow(e, { from: '2015-11-13', to: '2015-11-13' }))
			.map((e) => e.rank);
		const wanted = [...new Set(ranks.map((r) => Math.floor(r / 2)))].map(
			(j) => `/story/list-${j}.json`
		);
		expect(asked.slice(1).sort()).toEqual(wanted.sort());
		expect(wanted.length).toBeLessThan(paged.shell.lists);
		expect(shown.events.map((e) => e.rank)).toEqual(ranks);
	});

	it('reads the file of the selected event, wherever it is', async () => {
		const { story, asked } = pagedApp();
		await story.loadList();
		await story.ensureRows(1, () => true, 7);
		expect(asked.slice(1)).toEqual(['/story/list-0.json', '/story/list-3.json']);
		expect(story.index.events.map((e) => e.rank)).toEqual([0, 1, 6, 7]);
	});

	it('a file that fails is a problem to show, and can be asked for again', async () => {
		const { fetcher } = files(paged);
		let fail = true;
		const flaky = (async (p: string) =>
			fail && p.includes('list-') ? new Response('', { status: 500 }) : fetcher(p)) as typeof fetch;
		const page = wirePage(paged.shell, [], '', '/', '', flaky);
		page.url.read();
		await page.story.loadList();
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		await page.story.ensureRows(1, () => true);
		log.mockRestore();
		expect(page.story.problem).toMatch(/could not be loaded/);
		expect(page.story.loading).toBe(false);
		fail = false;
		await page.story.ensureRows(1, () => true);
		expect(page.story.index.events).toHaveLength(2);
	});
});

describe('Play over a paged story', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('steps through every event of the window, reading the list as it goes', async () => {
		const { story, shown, needRows, asked } = pagedApp();
		await story.loadList();
		await needRows(1);
		expect(shown.events).toHaveLength(2);
		const played: string[] = [];
		const player = new Player({
			order: () => shown.events,
			more: needRows,
			selected: () => played.at(-1),
			select: async (id) => void played.push(id),
			step: 1000
		});
		player.play();
		for (let i = 0; i < paged.shell.eventCount + 1; i++) await vi.advanceTimersByTimeAsync(1000);
		expect(played).toEqual(whole.lists.flatMap((l) => l.events).map((e) => e.id));
		expect(player.playing).toBe(false);
		expect(new Set(asked).size).toBe(asked.length);
	});
});
