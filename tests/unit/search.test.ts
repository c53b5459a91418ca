/**
 * Search (`$lib/search`): normalisation, dates in queries, and the index built from the real
 * story, queried as the browser does.
 */
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStory } from '$lib/story/load';
import { summarise, type StorySummary } from '$lib/story/summary';
import { normaliseTerm, normaliseText } from '$lib/search/terms';
import { extractDate } from '$lib/search/query-date';
import { buildSearchParts, type SearchPart } from '$lib/search/documents';
import { searchPartCount, searchPartOf, storyYear } from '$lib/search/parts';
import { SearchEngine, type SearchResults } from '$lib/search/engine';
import { snippetOf } from '$lib/search/snippet';

let summary: StorySummary;
let engine: SearchEngine;
let parts: SearchPart[];
/** The same index cut into a part per event, as a large story's is cut. */
let split: SearchEngine;
/** Through JSON, as the browser receives it. */
const asReceived = (p: SearchPart[]): SearchPart[] => JSON.parse(JSON.stringify(p));
beforeAll(() => {
	summary = summarise(loadStory(path.resolve('geo')));
	parts = asReceived(buildSearchParts(summary));
	const year = storyYear(summary.article.date);
	engine = new SearchEngine(parts, year, summary.article.passages);
	split = new SearchEngine(
		asReceived(buildSearchParts(summary, 1)),
		year,
		summary.article.passages
	);
});

const group = (r: SearchResults, g: 'e' | 'f' | 'p') => r.groups.find((x) => x.group === g);
const ids = (r: SearchResults, g: 'e' | 'f' | 'p') => group(r, g)?.hits.map((h) => h.id) ?? [];

describe('normaliseTerm', () => {
	it('drops accents and case, and maps the Turkish dotless and dotted i', () => {
		expect(normaliseTerm('Yayladağı')).toBe('yayladagi');
		expect(normaliseTerm('İskenderun')).toBe('iskenderun');
		expect(normaliseTerm('DÖRTYOL')).toBe('dortyol');
		expect(normaliseTerm('Équipe')).toBe('equipe');
		expect(normaliseTerm('şç')).toBe('sc');
		expect(normaliseText('  La Belle  Équipe, 92 ')).toBe('la belle equipe 92');
	});
});

describe('extractDate', () => {
	it('reads ISO days, day-month and month-day, with the story year by default', () => {
		expect(extractDate('2015-11-13', 2015)).toEqual({ day: '2015-11-13', rest: '' });
		expect(extractDate('13 Nov', 2015)).toEqual({ day: '2015-11-13', rest: '' });
		expect(extractDate('November 13', 2015)).toEqual({ day: '2015-11-13', rest: '' });
		expect(extractDate('nov 13, 2014', 2015)).toEqual({ day: '2014-11-13', rest: '' });
		expect(extractDate('paris 13 november 2015', 2000)).toEqual({
			day: '2015-11-13',
			rest: 'paris'
		});
	});
	it('leaves what is not a date alone', () => {
		expect(extractDate('31 Feb', 2015)).toEqual({ rest: '31 Feb' });
		expect(extractDate('flight 9268', 2015)).toEqual({ rest: 'flight 9268' });
		expect(extractDate('13 km', 2015)).toEqual({ rest: '13 km' });
		expect(extractDate('2015-13-01', 2015).day).toBeUndefined();
	});
});

describe('snippetOf', () => {
	it('gives the matched words as offsets in context, cut at words', () => {
		const text = 'One two three four five six seven eight nine ten. '.repeat(8) + 'Bataclan here.';
		const s = snippetOf(text, new Set(['bataclan']))!;
		expect(s.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['Bataclan']);
		expect(text.slice(s.range.start, s.range.end)).toBe('Bataclan');
		expect(s.lead).toBe(true);
		expect(s.parts[0].text).toMatch(/^\w/);
		expect(snippetOf(text, new Set(['absent']))).toBeUndefined();
	});
});

describe('SearchEngine on the story', () => {
	it('loads in batches, as the browser does, to the same answers', async () => {
		const loaded = new SearchEngine(
			await Promise.all(parts.map((p) => SearchEngine.loadPart(p))),
			storyYear(summary.article.date),
			summary.article.passages
		);
		expect(loaded.search('bataclan')).toEqual(engine.search('bataclan'));
	});
	it('finds across accents, case and the dotless i', () => {
		expect(ids(engine.search('Yayladagi'), 'f')).toContain('su24-turkish-account');
		expect(ids(engine.search('yayladağı'), 'f')).toContain('su24-turkish-account');
		expect(ids(engine.search('ISKENDERUN'), 'f').length).toBeGreaterThan(0);
	});
	it('forgives one typo in words of 5 letters or more, and none in shorter ones', () => {
		expect(ids(engine.search('bataclam'), 'f')[0]).toBe('bataclan');
		expect(ids(engine.search('syrua'), 'e').length).toBeGreaterThan(0);
		// "syra" is no word's beginning, and 4 letters are not fuzzed towards "syria".
		expect(engine.search('syra').total).toBe(0);
	});
	it('finds words by their beginning', () => {
		expect(ids(engine.search('bata'), 'f')[0]).toBe('bataclan');
		expect(ids(engine.search('kreml'), 'e')).toContain('kremlin-talks');
	});
	it('finds nothing for a word the story does not have', () => {
		expect(engine.search('martial')).toMatchObject({ total: 0, groups: [] });
		expect(engine.search('   ').total).toBe(0);
	});
	it('finds events on a day typed as a date', () => {
		for (const q of ['13 Nov', '2015-11-13', 'November 13']) {
			expect(ids(engine.search(q), 'e')).toContain('paris-attacks');
			expect(ids(engine.search(q), 'e')).not.toContain('kremlin-talks');
		}
		expect(ids(engine.search('paris 13 nov'), 'e')[0]).toBe('paris-attacks');
		expect(ids(engine.search('paris 26 nov'), 'e')).not.toContain('paris-attacks');
	});
	it('ranks an exact title first', () => {
		expect(ids(engine.search('Paris'), 'f')[0]).toBe(
			Object.values(summary.features).find((f) => f.title === 'Paris')!.fid
		);
		expect(ids(engine.search('paris attacks'), 'e')[0]).toBe('paris-attacks');
	});
	it('groups results, at most 8 a group, with the total', () => {
		const r = engine.search('the');
		expect(r.groups.map((g) => g.label)).toEqual(['Events', 'Places', 'In the article']);
		for (const g of r.groups) expect(g.hits.length).toBe(Math.min(8, g.total));
		expect(group(r, 'p')!.total).toBeGreaterThan(8);
		expect(r.total).toBe(r.groups.reduce((n, g) => n + g.total, 0));
		expect(group(engine.search('the', Infinity), 'p')!.hits.length).toBe(group(r, 'p')!.total);
	});
	it('gives a passage result its number and the matched words in context', () => {
		const hit = group(engine.search('hollande putin'), 'p')!.hits[0];
		expect(hit.title).toMatch(/^¶\d+$/);
		const marked = hit.snippet!.parts.filter((p) => p.mark).map((p) => normaliseTerm(p.text));
		expect(marked.some((w) => w === 'hollande' || w === 'putin')).toBe(true);
		const text = summary.article.passages.find((p) => p.id === hit.id)!.text;
		expect(normaliseTerm(text.slice(hit.snippet!.range.start, hit.snippet!.range.end))).toMatch(
			/^(hollande|putin)/
		);
	});
	it('finds every event first among events by its exact title, in one part or many', () => {
		fc.assert(
			fc.property(fc.constantFrom(...summary.events), (e) => {
				expect(ids(engine.search(e.title), 'e')[0]).toBe(e.id);
				expect(ids(split.search(e.title), 'e')[0]).toBe(e.id);
			}),
			{ numRuns: summary.events.length * 4 }
		);
	});
	it('never throws, whatever is typed', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (q) => {
				const r = engine.search(q);
				expect(r.total).toBeGreaterThanOrEqual(0);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('the index in parts', () => {
	it('counts parts by events, at least one for the article', () => {
		expect(searchPartCount(0)).toBe(1);
		expect(searchPartCount(8, 1)).toBe(8);
		expect(searchPartCount(100_000)).toBe(10);
		expect(searchPartCount(100_001)).toBe(11);
		expect(searchPartOf(9_999, 100_000)).toBe(0);
		expect(searchPartOf(10_000, 100_000)).toBe(1);
		// As even as can be: no part of one event beside parts of 10,000.
		const sizes = new Map<number, number>();
		for (let rank = 0; rank < 100_001; rank++) {
			const k = searchPartOf(rank, 100_001);
			sizes.set(k, (sizes.get(k) ?? 0) + 1);
		}
		expect(sizes.size).toBe(searchPartCount(100_001));
		expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(9_090);
		expect(Math.max(...sizes.values())).toBeLessThanOrEqual(10_000);
		expect(searchPartCount(10, 0)).toBe(10);
	});
	it('puts an event and its places in the part of its rank, the passages in the first', () => {
		const cut = buildSearchParts(summary, 3);
		expect(cut).toHaveLength(Math.ceil(summary.events.length / 3));
		const docsOf = (p: SearchPart) => p.index.storedFields as Record<string, { g: string }>;
		const idsOf = (p: SearchPart) => Object.values(p.index.documentIds as Record<string, string>);
		summary.events.forEach((e, rank) => {
			const k = Math.floor(rank / 3);
			expect(idsOf(cut[k])).toContain(`e:${e.id}`);
			expect(cut[k].days[`e:${e.id}`]).toEqual([e.start, e.end]);
			for (const f of Object.values(summary.features).filter((f) => f.event === e.id && !f.of))
				expect(idsOf(cut[k])).toContain(`f:${f.fid}`);
		});
		const passages = cut.map((p) => Object.values(docsOf(p)).filter((d) => d.g === 'p').length);
		expect(passages).toEqual([summary.article.passages.length, ...passages.slice(1).map(() => 0)]);
		// Every document is in exactly one part.
		const all = cut.flatMap(idsOf);
		expect(new Set(all).size).toBe(all.length);
		expect(all.length).toBe(parts.flatMap(idsOf).length);
	});
	it('finds the same, however the index is cut', () => {
		const queries = ['paris', 'syria', 'bata', 'yayladagi', 'the', '13 nov', 'nov 24', 'martial'];
		for (const q of queries) {
			const [one, many] = [engine.search(q, Infinity), split.search(q, Infinity)];
			expect(many.total, q).toBe(one.total);
			for (const g of ['e', 'f', 'p'] as const)
				expect(ids(many, g).sort(), q).toEqual(ids(one, g).sort());
		}
		// Dated results carry their stored fields from their own part.
		const paris = group(split.search('13 nov'), 'e')!.hits.find((h) => h.id === 'paris-attacks');
		expect(paris).toEqual(
			group(engine.search('13 nov'), 'e')!.hits.find((h) => h.id === 'paris-attacks')
		);
		expect(paris!.title).toContain('Paris');
	});
});
