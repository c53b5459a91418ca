import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStory } from '$lib/story/load';
import type { CompiledStory } from '$lib/story/compiled';
import { summarise, type StorySummary } from '$lib/story/summary';
import {
	fetchStoryFile,
	hasEventDownloads,
	hasOwnPage,
	listCount,
	DEFAULT_LIST_SIZE,
	partCount,
	partOf,
	splitSummary,
	StoryIndex,
	type ListPart
} from '$lib/story/parts';
import { featuresByPassage, passageLinks } from '$lib/article/passage-links';
import { timelineDomain } from '$lib/time/timeline';
import { getFileCounts, getSearchParts, getStoryParts } from '$lib/server/story';

let story: CompiledStory;
let summary: StorySummary;
beforeAll(() => {
	story = loadStory(path.resolve('geo'));
	summary = summarise(story);
});

const split = (partSize: number, inlineEvents = 1000) =>
	splitSummary(summary, {
		partSize,
		inlineEvents,
		pageLimit: 3,
		siteUrl: 'https://example.org',
		domain: timelineDomain(story.events, story.article.date)
	});

describe('partOf', () => {
	it('is stable, in range, and the same as the FNV-1a reference values', () => {
		// 32-bit FNV-1a of "a" is 0xe40c292c; of "" the offset basis 0x811c9dc5.
		expect(partOf('a', 2 ** 31)).toBe(0xe40c292c % 2 ** 31);
		expect(partOf('', 1000)).toBe(0x811c9dc5 % 1000);
		fc.assert(
			fc.property(fc.string(), fc.integer({ min: 1, max: 5000 }), (id, n) => {
				const k = partOf(id, n);
				return Number.isInteger(k) && k >= 0 && k < n && partOf(id, n) === k;
			})
		);
	});

	it('spreads ids evenly enough', () => {
		const counts = new Array(50).fill(0);
		for (let i = 0; i < 50_000; i++) counts[partOf(`e-${String(i).padStart(6, '0')}`, 50)]++;
		expect(Math.min(...counts)).toBeGreaterThan(800);
		expect(Math.max(...counts)).toBeLessThan(1200);
	});
});

describe('splitSummary', () => {
	it('puts every event and feature in exactly one part: the one partOf names', () => {
		for (const size of [1, 2, 3, 500]) {
			const { shell, parts } = split(size);
			expect(shell.parts).toBe(parts.length);
			expect(parts.length).toBe(Math.ceil(story.events.length / size));
			const seen = parts.flatMap((p, k) =>
				p.events.map((e) => {
					expect(partOf(e.id, parts.length)).toBe(k);
					return e.id;
				})
			);
			expect(seen.sort()).toEqual(story.events.map((e) => e.id).sort());
			const fids = parts.flatMap((p) => Object.keys(p.features));
			expect(fids.sort()).toEqual(Object.keys(summary.features).sort());
			for (const p of parts) {
				for (const [fid, props] of Object.entries(p.features)) {
					expect(p.events.some((e) => e.id === props.event)).toBe(true);
					expect(p.anchors[fid]).toEqual(summary.anchors[fid]);
					expect(p.geometryTypes[fid]).toBe(summary.geometryTypes[fid]);
				}
			}
		}
	});

	it('ranks events in the story’s date order and fills the shell', () => {
		const { shell, parts } = split(2, 5);
		const ranked = parts.flatMap((p) => p.events).sort((a, b) => a.rank - b.rank);
		expect(ranked.map((e) => e.id)).toEqual(story.events.map((e) => e.id));
		expect(shell).toMatchObject({
			eventCount: story.events.length,
			featureCount: Object.keys(summary.features).length,
			inline: false,
			pageLimit: 3,
			siteUrl: 'https://example.org',
			bbox: summary.bbox
		});
		expect(shell.layers).toEqual(summary.layers);
		expect(split(500).shell.inline).toBe(true);
	});

	it('lists every event in date order with the layers of its features', () => {
		const { shell, lists } = split(2);
		expect(shell.lists).toBe(lists.length);
		expect(lists.length).toBe(Math.ceil(story.events.length / DEFAULT_LIST_SIZE));
		const listed = lists.flatMap((l) => l.events);
		expect(listed.map((e) => [e.id, e.rank])).toEqual(story.events.map((e, i) => [e.id, i]));
		for (const e of listed) {
			const layers = Object.values(summary.features)
				.filter((f) => f.event === e.id)
				.map((f) => f.layer);
			expect([...e.layers].sort()).toEqual(layers.sort());
			const full = story.events.find((x) => x.id === e.id)!;
			expect(e).toMatchObject({
				title: full.title,
				date: full.date,
				place: full.place,
				start: full.start,
				end: full.end
			});
		}
	});

	it('has as many files as the counts from the story’s size say', () => {
		for (const size of [1, 2, 3, 500]) {
			const { shell, parts, lists } = split(size);
			expect(partCount(story.events.length, size)).toBe(parts.length);
			expect(listCount(story.events.length)).toBe(lists.length);
			expect(hasEventDownloads(story.events.length, 3)).toBe(shell.eventDownloads);
		}
		fc.assert(
			fc.property(fc.nat(3_000_000), fc.integer({ min: 1, max: 20_000 }), (n, size) => {
				const parts = partCount(n, size);
				// Every event has a part, no part is empty (but the one of an empty story).
				expect(parts * size).toBeGreaterThanOrEqual(n);
				expect(parts === 1 || (parts - 1) * size < n).toBe(true);
				const lists = listCount(n);
				expect(lists * DEFAULT_LIST_SIZE).toBeGreaterThanOrEqual(n);
				expect(lists === 1 || (lists - 1) * DEFAULT_LIST_SIZE < n).toBe(true);
			})
		);
	});

	it('the build’s file counts (what the routes list) are the files it makes', async () => {
		const [counts, { shell, parts, lists }, search] = await Promise.all([
			getFileCounts(),
			getStoryParts(),
			getSearchParts()
		]);
		expect(counts).toEqual({
			parts: parts.length,
			lists: lists.length,
			searchParts: search.length,
			pageLimit: shell.pageLimit,
			eventDownloads: shell.eventDownloads
		});
		expect(shell.searchParts).toBe(search.length);
	});

	it('carries the article’s links to the map, made from every feature', () => {
		const { shell } = split(1);
		expect(shell.links).toEqual(passageLinks(story.article.passages, summary.features));
		const byPassage = featuresByPassage(summary.features);
		expect(shell.mapped.sort()).toEqual(Object.keys(byPassage).sort());
		expect(shell.mapped).not.toContain('p5');
	});
});

describe('StoryIndex', () => {
	it('merges parts in any order, once each, into the story’s order', () => {
		const { parts } = split(1);
		const numbered = parts.map((part, k) => ({ k, part }));
		fc.assert(
			fc.property(fc.shuffledSubarray(numbered), fc.shuffledSubarray(numbered), (a, b) => {
				const first = StoryIndex.empty().with(a);
				const both = first.with(b).with(a);
				const want = new Set([...a, ...b].map((p) => p.k));
				expect([...both.loaded].sort()).toEqual([...want].sort());
				const ids = both.events.map((e) => e.id);
				expect(new Set(ids).size).toBe(ids.length);
				expect(both.events.map((e) => e.rank)).toEqual(
					[...both.events.map((e) => e.rank)].sort((x, y) => x - y)
				);
				expect(both.complete(parts.length)).toBe(want.size === parts.length);
			})
		);
	});

	it('gives the same index as the summary once complete', () => {
		const { parts } = split(2);
		const index = StoryIndex.empty().with(parts.map((part, k) => ({ k, part })));
		expect(index.events.map(({ rank: _, ...e }) => e)).toEqual(summary.events);
		expect(index.features).toEqual(summary.features);
		expect(index.anchors).toEqual(summary.anchors);
		expect(index.geometryTypes).toEqual(summary.geometryTypes);
	});

	/** Every list file, numbered as the site numbers them. */
	const whole = (lists: ListPart[]) => lists.map((list, j) => ({ j, list }));

	it('keeps the listed events once the list is in; parts then add details only', () => {
		const { parts, lists } = split(1);
		const numbered = parts.map((part, k) => ({ k, part }));
		const listedFirst = StoryIndex.empty().withListFiles(whole(lists), lists.length);
		expect(listedFirst.listed).toBe(true);
		expect(listedFirst.events.map((e) => e.id)).toEqual(story.events.map((e) => e.id));
		expect(listedFirst.details.size).toBe(0);
		const one = numbered.find((p) => p.part.events.length > 0)!;
		const withOne = listedFirst.with([one]);
		expect(withOne.events).toBe(listedFirst.events);
		expect([...withOne.details.keys()].sort()).toEqual(one.part.events.map((e) => e.id).sort());
		// Parts first, then the list: the same events either way.
		const partsFirst = StoryIndex.empty().with([one]).withListFiles(whole(lists), lists.length);
		expect(partsFirst.events.map((e) => e.id)).toEqual(story.events.map((e) => e.id));
		expect(partsFirst.details.get(one.part.events[0].id)).toEqual(one.part.events[0]);
	});

	it('returns itself when nothing is new (a reactive holder does not change)', () => {
		const { parts } = split(500);
		const index = StoryIndex.empty().with([{ k: 0, part: parts[0] }]);
		expect(index.with([{ k: 0, part: parts[0] }])).toBe(index);
	});
});

describe('fetchStoryFile and hasOwnPage', () => {
	it('parses a file, and names the file and status when the request fails', async () => {
		const ok = (async () => new Response('{"a":1}')) as typeof fetch;
		expect(await fetchStoryFile(ok, '/story/shell.json')).toEqual({ a: 1 });
		const missing = (async () => new Response('nope', { status: 404 })) as typeof fetch;
		await expect(fetchStoryFile(missing, '/story/part-3.json')).rejects.toThrow(
			'/story/part-3.json: HTTP 404'
		);
	});

	it('gives a page to the events ranked below the limit', () => {
		expect(hasOwnPage({ rank: 499 }, { pageLimit: 500 })).toBe(true);
		expect(hasOwnPage({ rank: 500 }, { pageLimit: 500 })).toBe(false);
	});
});
