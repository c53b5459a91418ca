/** The compiled story as a file (`$lib/server/compiled-file`): what the build's steps read. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CompiledStory } from '$lib/story/compiled';
import { loadStory } from '$lib/story/load';
import {
	compiledEventCount,
	readCompiledLayers,
	readCompiledStory,
	writeCompiledStory
} from '$lib/server/compiled-file';

let dir: string;
let story: CompiledStory;
beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'compiled-file-'));
	story = loadStory(path.resolve('geo'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const roundTrip = (s: CompiledStory, chunk?: number) => {
	const file = path.join(dir, 'story.jsonl');
	writeCompiledStory(file, s, chunk);
	return { file, back: readCompiledStory(file) };
};

describe('compiled story file', () => {
	test('the story reads back as it was written, in one chunk or many', () => {
		expect(roundTrip(story).back).toEqual(story);
		const { file, back } = roundTrip(story, 3);
		expect(back).toEqual(story);
		// 8 events in 3 lines, each layer's features in lines of 3, and the head.
		const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
		const featureLines = story.layers.reduce(
			(n, l) => n + Math.ceil(l.data.features.length / 3),
			0
		);
		expect(lines).toHaveLength(1 + Math.ceil(story.events.length / 3) + featureLines);
	});

	test('any text survives: line breaks, separators and surrogate pairs inside strings', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (title, quote) => {
				const changed = structuredClone(story);
				changed.events[0].title = title;
				changed.layers[0].data.features[0].properties.quote = quote;
				changed.article.headline = title + quote;
				expect(roundTrip(changed, 2).back).toEqual(changed);
			}),
			{ numRuns: 50 }
		);
	});

	test('the event count comes from the head alone, however long the head is', () => {
		const { file } = roundTrip(story);
		expect(compiledEventCount(file)).toBe(story.events.length);
		// A head over the 1 MiB the count reads at a time, ending in a multi-byte character.
		const long = structuredClone(story);
		long.article.headline = 'é'.repeat(1.5 * (1 << 20)) + '🗺';
		const big = roundTrip(long);
		expect(compiledEventCount(big.file)).toBe(story.events.length);
		expect(big.back.article.headline).toBe(long.article.headline);
	});

	test('the layers read alone, each feature as kept, without parsing the events', () => {
		const { file } = roundTrip(story, 3);
		// An events line that is not JSON: only a reader that parses events fails on it.
		const lines = readFileSync(file, 'utf8').split('\n');
		const at = lines.findIndex((l) => l.startsWith('{"events":'));
		lines[at] = '{"events":[not json';
		writeFileSync(file, lines.join('\n'));
		expect(() => readCompiledStory(file)).toThrow(SyntaxError);
		const layers = readCompiledLayers(file, (f) => f.id);
		expect(layers.map((l) => l.layer.id)).toEqual(story.layers.map((l) => l.id));
		expect(layers.map((l) => l.features)).toEqual(
			story.layers.map((l) => l.data.features.map((f) => f.id))
		);
		expect(layers.every((l) => l.layer.data.features.length === 0)).toBe(true);
	});

	test('a file cut short, or of another format, is refused', () => {
		const { file } = roundTrip(story, 3);
		const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
		writeFileSync(file, lines.slice(0, -1).join('\n') + '\n');
		expect(() => readCompiledStory(file)).toThrow(/cut short/);
		expect(() => readCompiledLayers(file, (f) => f)).toThrow(/cut short/);
		writeFileSync(file, JSON.stringify({ format: 'compiled-story/0' }) + '\n');
		expect(() => readCompiledStory(file)).toThrow(/not a compiled story of format/);
		expect(() => compiledEventCount(file)).toThrow(/not a compiled story of format/);
	});
});
