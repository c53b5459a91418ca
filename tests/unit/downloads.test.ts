/** The downloads as the build makes them: bytes in pieces, the same as the whole text's. */
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CompiledStory } from '$lib/story/compiled';
import { loadStory } from '$lib/story/load';
import { DOWNLOAD_FILES } from '$lib/export/files';
import { articleJson, storyCsv, storyGeoJson, storyKml } from '$lib/export';
import { download, downloadResponse, downloadSizes, encodeChunks } from '$lib/server/downloads';

const SITE = 'https://example.org';
let story: CompiledStory;

beforeAll(() => {
	story = loadStory(path.resolve('geo'));
});

const decode = (parts: Uint8Array[]) => Buffer.concat(parts).toString('utf8');

describe('encodeChunks', () => {
	test('the pieces are the UTF-8 of the whole text, whatever the batch size', () => {
		fc.assert(
			fc.property(
				fc.array(fc.string({ unit: 'binary' })),
				fc.integer({ min: 1, max: 40 }),
				(chunks, batch) => {
					const whole = chunks.join('');
					const { parts, size } = encodeChunks(chunks, batch);
					const expected = new TextEncoder().encode(whole);
					expect(Buffer.concat(parts)).toEqual(Buffer.from(expected));
					expect(size).toBe(expected.length);
				}
			)
		);
	});

	test('a pair of UTF-16 halves split between pieces stays one character', () => {
		const { parts } = encodeChunks(['ab\uD83D', '\uDE00c'], 1);
		expect(decode(parts)).toBe('ab😀c');
		expect(parts.length).toBeGreaterThan(1);
	});

	test('large text is never gathered into one string: pieces stay near the batch size', () => {
		const row = 'x'.repeat(1000);
		const { parts, size } = encodeChunks(
			Array.from({ length: 5000 }, () => row),
			100_000
		);
		expect(size).toBe(5_000_000);
		expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(101_000);
	});
});

describe('downloads', () => {
	const texts = {
		'story.geojson': storyGeoJson,
		'story.csv': storyCsv,
		'story.kml': storyKml,
		'article.json': articleJson
	};

	test("each file's bytes and size are its text's, for the story and for an event", async () => {
		for (const eventId of [undefined, story.events[0].id]) {
			const sizes = downloadSizes(story, SITE, eventId);
			for (const { name } of DOWNLOAD_FILES) {
				const text = texts[name](story, { siteUrl: SITE, eventId });
				const file = download(story, name, { siteUrl: SITE, eventId });
				expect(decode(file.parts)).toBe(text);
				expect(sizes[name]).toBe(Buffer.byteLength(text, 'utf8'));
				const res = downloadResponse(file);
				expect(res.headers.get('content-length')).toBe(String(sizes[name]));
				expect(res.headers.get('content-type')).toBe(file.type);
				// Bytes, not `text()`: that would drop the CSV's byte order mark.
				expect(Buffer.from(await res.arrayBuffer()).toString('utf8')).toBe(text);
			}
		}
	});
});
