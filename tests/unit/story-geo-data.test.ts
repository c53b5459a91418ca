/**
 * The real story in geo/: it loads with no problems, holds the events the URLs promise, and its
 * passages are the article's paragraphs word for word (checked against the copy of the source
 * text in tests/fixtures/article-source/, on every machine).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CompiledStory } from '$lib/story/compiled';
import { checkStory, loadStory } from '$lib/story/load';
import { firstWords } from '$lib/story/passages';
import { formatProblem } from '$lib/story/problems';

const geo = path.resolve('geo');
const sourceDir = path.resolve('tests', 'fixtures', 'article-source');

/** The URL contract: /events/<id>/ must keep working for these. */
const requiredEvents = [
	'kremlin-talks',
	'paris-attacks',
	'sinai-crash',
	'su24-shootdown',
	'oil-smuggling',
	'syria-air-campaign',
	'ankara-accusations'
];

test('geo/ has no problems', () => {
	expect(checkStory(geo).map(formatProblem)).toEqual([]);
});

describe('the compiled story', () => {
	let story: CompiledStory;
	beforeAll(() => {
		story = loadStory(geo);
	});

	test('has every event the URLs promise', () => {
		const ids = story.events.map((event) => event.id);
		for (const id of requiredEvents) expect(ids).toContain(id);
	});

	test('has every event on the map, framed', () => {
		for (const event of story.events) {
			expect(event.featureIds.length, event.id).toBeGreaterThan(0);
			const [west, south, east, north] = event.bbox;
			expect(west < east && south < north, event.id).toBe(true);
		}
	});

	test('has 16 passages p1…p16 in reading order', () => {
		expect(story.article.passages.map((p) => p.id)).toEqual(
			Array.from({ length: 16 }, (_, i) => `p${i + 1}`)
		);
		expect(
			story.article.passages[0].text.startsWith('France and Russia will exchange intelligence')
		).toBe(true);
		expect(
			story.article.passages[15].text.startsWith('Putin also said Russia would keep co-operating')
		).toBe(true);
		expect(firstWords(story.article.passages[0].text, 6)).toBe(
			'France and Russia will exchange intelligence'
		);
	});

	test('draws the Syria–Turkey border, the Sinai flight and uncertainty circles', () => {
		const kinds = new Set(story.layers.flatMap((layer) => layer.kinds));
		for (const kind of ['border', 'flight-path', 'flight-path-unflown', 'uncertainty'])
			expect(kinds).toContain(kind);
		expect(story.layers[0].id).toBe('uncertainty');
	});
});

const sources = readdirSync(sourceDir).filter((name) => name.endsWith('.txt'));

describe('the passages are the source text, verbatim', () => {
	const article = () => JSON.parse(readFileSync(path.join(geo, 'article.json'), 'utf8'));
	/** Paragraphs of a source file: blocks separated by blank lines, as written. */
	const paragraphs = (name: string) =>
		readFileSync(path.join(sourceDir, name), 'utf8')
			.replace(/\r\n?/g, '\n')
			.split(/\n[ \t]*\n/)
			.map((paragraph) => paragraph.replace(/\n$/, ''));

	test('every passage equals the corresponding paragraph of the source', () => {
		const { passages, headline } = article();
		const source = sources.map(paragraphs).find((list) => list.includes(passages[0].text));
		expect(source, `no file in ${sourceDir} has p1 as a paragraph`).toBeDefined();
		const start = source!.indexOf(passages[0].text);
		const body = source!.slice(start);
		expect(body).toHaveLength(passages.length);
		passages.forEach((passage: { id: string; text: string }, i: number) =>
			expect(passage.text, passage.id).toBe(body[i])
		);
		expect(source![0]).toBe(headline);
		for (const author of article().authors)
			expect(source!.slice(0, start).join('\n')).toContain(author);
	});
});
