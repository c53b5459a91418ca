/**
 * A tiled story as built (the hostile build tiles every layer): each layer's tiles are in
 * the site, written beside the prerendering and moved in after it (vite.config.ts,
 * `storyTiles`), with nothing left behind.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const BUILD = 'build-hostile';
const layers = (): { id: string; tiled?: boolean }[] =>
	JSON.parse(readFileSync(path.join(BUILD, 'story/shell.json'), 'utf8')).layers;

/** Every file under a folder. */
const filesUnder = (dir: string): string[] =>
	readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => path.join(e.parentPath, e.name));

describe('a tiled story as built', () => {
	test('every tiled layer has its index and tiles, and no GeoJSON file', () => {
		const tiled = layers().filter((l) => l.tiled);
		expect(tiled.length).toBeGreaterThan(0);
		for (const { id } of tiled) {
			const dir = path.join(BUILD, 'data', id);
			expect(JSON.parse(readFileSync(path.join(dir, 'tiles.json'), 'utf8')).sets, id).toBeTruthy();
			expect(filesUnder(dir).filter((f) => f.endsWith('.pbf')).length, id).toBeGreaterThan(0);
			expect(existsSync(path.join(BUILD, 'data', `${id}.geojson`)), id).toBe(false);
		}
	});

	test('the folder the tiles were written in, and the compiled story, are gone', () => {
		expect(existsSync(`${BUILD}.story-tiles`)).toBe(false);
		// Written by the story check for the build's steps (vite.config.ts, `storyCheck`).
		for (const build of [BUILD, 'build', 'build-sea'])
			expect(existsSync(`${build}.story.jsonl`), build).toBe(false);
	});
});
