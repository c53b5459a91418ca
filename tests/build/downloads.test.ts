/**
 * The downloads as the build wrote them (`$lib/export`, `src/routes/downloads/`,
 * `src/routes/events/[id]/[file]/`): every file of the whole story and of each event is there
 * and reads with a real reader, the shell lists the story's files at their true sizes, and a
 * large story (the hostile build: more events than its page limit) has the story's files only.
 * The exports' contents are tested against the story in tests/unit/export-*.test.ts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { check } from '@placemarkio/check-geojson';
import type { FeatureCollection } from 'geojson';
import { DOMParser } from '@xmldom/xmldom';
import { kml } from '@tmcw/togeojson';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { DOWNLOAD_FILES, type DownloadName } from '$lib/export/files';

const events = (
	JSON.parse(readFileSync('geo/events.json', 'utf8')) as { events: { id: string }[] }
).events;

interface Shell {
	downloads: Partial<Record<DownloadName, number>>;
	eventDownloads: boolean;
	eventCount: number;
}
const shellOf = (build: string): Shell =>
	JSON.parse(readFileSync(path.join(build, 'story/shell.json'), 'utf8'));

/** Feature ids of a download, read back with the reader its format calls for. */
function featureIds(name: DownloadName, text: string): string[] {
	switch (name) {
		case 'story.geojson':
			return (check(text) as FeatureCollection).features.map((f) => String(f.id));
		case 'story.csv': {
			expect(text.startsWith('\uFEFF')).toBe(true);
			const rows = Papa.parse<Record<string, string>>(text.slice(1), {
				header: true,
				delimiter: ',',
				newline: '\r\n',
				skipEmptyLines: true
			});
			expect(rows.errors).toEqual([]);
			return rows.data.map((r) => r.fid);
		}
		case 'story.kml': {
			const doc = new DOMParser().parseFromString(text, 'text/xml');
			return kml(doc as unknown as Document).features.map((f) => String(f.properties?.fid));
		}
		case 'article.json': {
			const a = JSON.parse(text) as { passages: { features: string[] }[] };
			return [...new Set(a.passages.flatMap((p) => p.features))];
		}
	}
}

describe('downloads', () => {
	const shell = shellOf('build');
	const story = Object.fromEntries(
		DOWNLOAD_FILES.map((f) => [f.name, readFileSync(path.join('build/downloads', f.name), 'utf8')])
	) as Record<DownloadName, string>;

	test('the whole story: four files that read back, listed in the shell at their sizes', () => {
		const geo = featureIds('story.geojson', story['story.geojson']);
		expect(geo.length).toBeGreaterThan(0);
		for (const f of DOWNLOAD_FILES) {
			const file = path.join('build/downloads', f.name);
			expect(shell.downloads[f.name], f.name).toBe(statSync(file).size);
			const ids = featureIds(f.name, story[f.name]);
			if (f.name === 'article.json') expect(geo).toEqual(expect.arrayContaining(ids));
			else expect(ids, f.name).toEqual(geo);
		}
	});

	test('every event has its own four files, holding its features only', () => {
		expect(shell.eventDownloads).toBe(true);
		const all = new Set(featureIds('story.geojson', story['story.geojson']));
		const seen = new Set<string>();
		for (const e of events) {
			for (const f of DOWNLOAD_FILES) {
				const file = path.join('build/events', e.id, f.name);
				expect(existsSync(file), file).toBe(true);
			}
			const geojson = readFileSync(path.join('build/events', e.id, 'story.geojson'), 'utf8');
			const ids = featureIds('story.geojson', geojson);
			expect(ids.length, e.id).toBeGreaterThan(0);
			for (const id of ids) {
				expect(all.has(id)).toBe(true);
				expect(seen.has(id), `${id} in two events`).toBe(false);
				seen.add(id);
			}
			expect(featureIds('story.csv', readFileSync(path.join('build/events', e.id, 'story.csv'), 'utf8'))).toEqual(ids);
		}
		// Between them the events' files hold every feature of the story.
		expect(seen).toEqual(all);
		// Each event's index entry lists its files at their true sizes (the popup shows them).
		const parts = JSON.parse(readFileSync('build/story/shell.json', 'utf8')).parts as number;
		for (let k = 0; k < parts; k++) {
			const part = JSON.parse(readFileSync(`build/story/part-${k}.json`, 'utf8'));
			for (const e of part.events as { id: string; downloads: Record<string, number> }[]) {
				for (const f of DOWNLOAD_FILES) {
					const size = statSync(path.join('build/events', e.id, f.name)).size;
					expect(e.downloads[f.name], `${e.id} ${f.name}`).toBe(size);
				}
			}
		}
	});

	test('a story larger than its page limit offers the whole story’s files only', () => {
		const hostile = shellOf('build-hostile');
		expect(hostile.eventDownloads).toBe(false);
		for (const f of DOWNLOAD_FILES)
			expect(existsSync(path.join('build-hostile/downloads', f.name)), f.name).toBe(true);
		expect(existsSync('build-hostile/events')).toBe(true);
		const stray = DOWNLOAD_FILES.filter((f) =>
			existsSync(path.join('build-hostile/events', readFirstEventDir('build-hostile'), f.name))
		);
		expect(stray).toEqual([]);
	});
});

/** An event directory the hostile build has (its first event's page). */
function readFirstEventDir(build: string): string {
	const dir = path.join(build, 'events');
	const first = readFileSync(path.join(build, 'story/list-0.json'), 'utf8');
	const id = (JSON.parse(first) as { events: { id: string }[] }).events[0].id;
	expect(existsSync(path.join(dir, id, 'index.html'))).toBe(true);
	return id;
}
