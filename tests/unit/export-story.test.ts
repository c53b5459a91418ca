/**
 * The downloads (`$lib/export`), read back with the readers people will use on them:
 * check-geojson (RFC 7946), papaparse (CSV), togeojson on xmldom (KML). For the real story,
 * the hostile fixture and one event, every file parses and gives back the story's feature
 * ids, coordinates (to 6 decimals) and passages; hostile strings come back as the same text.
 */
import path from 'node:path';
import { check } from '@placemarkio/check-geojson';
import { wktToGeoJSON } from '@terraformer/wkt';
import { kml, kmlWithFolders, type Folder } from '@tmcw/togeojson';
import { DOMParser, onWarningStopParsing, type Document } from '@xmldom/xmldom';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleJson, type ExportedArticle } from '$lib/export/article';
import { storyCsv } from '$lib/export/csv';
import { pictureFileName } from '$lib/export/files';
import { storyGeoJson, type StoryFeatureCollection } from '$lib/export/geojson';
import { kmlColour, storyKml } from '$lib/export/kml';
import { rightHandGeometry, UnknownEventError, type ExportOptions } from '$lib/export/records';
import { UNCERTAINTY_LAYER, type CompiledFeature, type CompiledStory } from '$lib/story/compiled';
import { kindStyle } from '$lib/story/kinds';
import { loadStory } from '$lib/story/load';

const SITE = 'https://map.example';

let real: CompiledStory;
let hostile: CompiledStory;
beforeAll(() => {
	real = loadStory(path.resolve('geo'));
	hostile = loadStory(path.resolve('tests/fixtures/hostile-story'));
});

/** What the test knows independently of the exporter: the story's own features, in draw order. */
function storyFeatures(story: CompiledStory, eventId?: string): CompiledFeature[] {
	return story.layers
		.filter((l) => l.id !== UNCERTAINTY_LAYER)
		.flatMap((l) => l.data.features as CompiledFeature[])
		.filter((f) => f.properties.of === undefined)
		.filter((f) => eventId === undefined || f.properties.event === eventId);
}

/** Shoelace sum: positive for a counter-clockwise ring (x east, y north). */
function signedArea(ring: Position[]): number {
	let sum = 0;
	for (let i = 0; i + 1 < ring.length; i++) {
		sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
	}
	return sum / 2;
}

/** A ring wound as asked, by the test's own reckoning. */
const wound = (ring: Position[], ccw: boolean) =>
	signedArea(ring) > 0 === ccw ? ring : [...ring].reverse();

/** Single geometries (Multi* and collections split), numbers to 6 decimals, rings right-hand. */
function parts(g: Geometry): { type: string; coordinates: unknown }[] {
	const round = (c: unknown): unknown =>
		Array.isArray(c) ? c.map(round) : Math.round((c as number) * 1e6) / 1e6 || 0;
	const polygon = (rings: Position[][]) => rings.map((r, i) => wound(r, i === 0));
	switch (g.type) {
		case 'Point':
		case 'LineString':
			return [{ type: g.type, coordinates: round(g.coordinates) }];
		case 'Polygon':
			return [{ type: g.type, coordinates: round(polygon(g.coordinates)) }];
		case 'MultiPoint':
			return g.coordinates.map((c) => ({ type: 'Point', coordinates: round(c) }));
		case 'MultiLineString':
			return g.coordinates.map((c) => ({ type: 'LineString', coordinates: round(c) }));
		case 'MultiPolygon':
			return g.coordinates.map((c) => ({ type: 'Polygon', coordinates: round(polygon(c)) }));
		case 'GeometryCollection':
			return g.geometries.flatMap(parts);
	}
}

/** What a round trip must give back, per feature id. */
interface Expected {
	ids: string[];
	parts: Record<string, ReturnType<typeof parts>>;
	passages: Record<string, string[]>;
}
function expected(story: CompiledStory, eventId?: string): Expected {
	const features = storyFeatures(story, eventId);
	return {
		ids: features.map((f) => f.id),
		parts: Object.fromEntries(features.map((f) => [f.id, parts(f.geometry)])),
		passages: Object.fromEntries(features.map((f) => [f.id, f.properties.passages]))
	};
}

const xml = (text: string, mime = 'text/xml'): Document =>
	new DOMParser({ onError: onWarningStopParsing }).parseFromString(text, mime);

/** The three readers: each gives back ids, geometry parts and passage lists. */
const readers = {
	geojson(text: string): Expected {
		const fc = check(text) as FeatureCollection<Geometry>;
		const ids = fc.features.map((f) => String(f.id));
		return {
			ids,
			parts: Object.fromEntries(fc.features.map((f) => [String(f.id), parts(f.geometry)])),
			passages: Object.fromEntries(
				fc.features.map((f) => [
					String(f.id),
					(f.properties?.passages as { id: string }[]).map((p) => p.id)
				])
			)
		};
	},
	csv(text: string): Expected {
		const rows = csvRows(text);
		const geometry = (row: Record<string, string>): Geometry =>
			row.geometryType === 'Point'
				? { type: 'Point', coordinates: [Number(row.longitude), Number(row.latitude)] }
				: wktToGeoJSON(row.wkt);
		return {
			ids: rows.map((r) => r.fid),
			parts: Object.fromEntries(rows.map((r) => [r.fid, parts(geometry(r))])),
			passages: Object.fromEntries(rows.map((r) => [r.fid, r.passages.split(';')]))
		};
	},
	kml(text: string): Expected {
		const fc = kml(xml(text));
		const fid = (f: (typeof fc.features)[number]) => String(f.properties?.fid);
		return {
			ids: fc.features.map(fid),
			parts: Object.fromEntries(fc.features.map((f) => [fid(f), parts(f.geometry!)])),
			passages: Object.fromEntries(
				fc.features.map((f) => [fid(f), String(f.properties?.passages).split(';')])
			)
		};
	}
};

function csvRows(text: string): Record<string, string>[] {
	expect(text.startsWith('\uFEFF')).toBe(true);
	const parsed = Papa.parse<Record<string, string>>(text, {
		header: true,
		delimiter: ',',
		newline: '\r\n',
		skipEmptyLines: true
	});
	expect(parsed.errors).toEqual([]);
	return parsed.data;
}

const exporters = { geojson: storyGeoJson, csv: storyCsv, kml: storyKml };

/** The three cases: the whole real story, the hostile fixture, one event of the real story. */
const cases: { name: string; story: () => CompiledStory; eventId?: string }[] = [
	{ name: 'the real story', story: () => real },
	{ name: 'the hostile fixture', story: () => hostile },
	{ name: 'one event (su24-shootdown)', story: () => real, eventId: 'su24-shootdown' }
];

describe.each(cases)('$name', ({ story, eventId }) => {
	const options = (): ExportOptions => ({ siteUrl: SITE, eventId });

	it.each(Object.keys(exporters) as (keyof typeof exporters)[])(
		'%s reads back with the same ids, coordinates and passages',
		(format) => {
			const text = exporters[format](story(), options());
			const back = readers[format](text);
			const want = expected(story(), eventId);
			expect(want.ids.length).toBeGreaterThan(0);
			expect(back.ids).toEqual(want.ids);
			expect(back.parts).toEqual(want.parts);
			expect(back.passages).toEqual(want.passages);
		}
	);

	it('an event export holds exactly the event’s features', () => {
		const ids = readers.geojson(storyGeoJson(story(), options())).ids;
		const event = story().events.find((e) => e.id === eventId);
		expect(ids).toEqual(event ? event.featureIds : storyFeatures(story()).map((f) => f.id));
	});

	it('GeoJSON: RFC 7946, with provenance on every feature and the story on top', () => {
		const text = storyGeoJson(story(), options());
		const fc = JSON.parse(text) as StoryFeatureCollection;
		expect(fc).not.toHaveProperty('crs');
		const { article } = story();
		expect(fc.story).toMatchObject({
			headline: article.headline,
			byline: article.byline,
			date: article.date,
			publisher: article.source
		});
		expect(fc.story.url).toBe(article.url);
		expect(fc.story.licence).toContain(article.source);
		expect(fc.story.credits.map((c) => c.name)).toEqual(['Natural Earth', article.source]);
		expect(fc.event?.id).toBe(eventId);
		const events = new Map(story().events.map((e) => [e.id, e]));
		for (const f of fc.features) {
			const p = f.properties;
			const event = events.get(p.event.id)!;
			expect(f.id).toBe(p.fid);
			expect(p.event).toEqual({
				id: event.id,
				title: event.title,
				start: event.start,
				end: event.end
			});
			expect(p.kindLabel).toBe(kindStyle(story().kinds, p.kind).label);
			expect(p.eventUrl).toBe(`${SITE}/events/${event.id}/`);
			expect(p.sources.length).toBeGreaterThan(0);
			const g = f.geometry;
			const polygons =
				g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
			for (const [outer, ...holes] of polygons) {
				expect(signedArea(outer)).toBeGreaterThan(0);
				for (const hole of holes) expect(signedArea(hole)).toBeLessThan(0);
			}
		}
	});

	it('GeoJSON passage offsets point at the quoted words of the article export', () => {
		const fc = JSON.parse(storyGeoJson(story(), options())) as StoryFeatureCollection;
		const article = JSON.parse(articleJson(story(), options())) as ExportedArticle;
		const texts = new Map(article.passages.map((p) => [p.id, p.text]));
		for (const f of fc.features) {
			const located = f.properties.passages.filter((p) => p.start !== undefined);
			// The loader refuses a quote found in none of the feature's passages.
			expect(located.length).toBeGreaterThan(0);
			for (const p of located) {
				expect(p.quote).toBe(f.properties.quote);
				expect(texts.get(p.id)!.slice(p.start, p.end)).toBe(p.quote);
			}
			for (const p of f.properties.passages) {
				expect(p.number).toBe(Number(p.id.slice(1)));
				if (p.start === undefined) expect(texts.get(p.id)).not.toContain(f.properties.quote);
			}
		}
	});

	it('the article export lists, under each passage, the exported features citing it', () => {
		const article = JSON.parse(articleJson(story(), options())) as ExportedArticle;
		const features = storyFeatures(story(), eventId);
		expect(article.story.headline).toBe(story().article.headline);
		expect(article.passages.map((p) => [p.id, p.text])).toEqual(
			story().article.passages.map((p) => [p.id, p.text])
		);
		for (const p of article.passages) {
			const citing = features.filter((f) => f.properties.passages.includes(p.id));
			expect(p.features).toEqual(citing.map((f) => f.id));
		}
	});

	it('KML: a Document named after the headline, a Folder per layer, a Style per kind', () => {
		const text = storyKml(story(), options());
		const doc = xml(text);
		const root = kmlWithFolders(doc);
		const documentName = doc.getElementsByTagName('Document')[0].getElementsByTagName('name')[0];
		expect(documentName.textContent).toBe(story().article.headline);
		const folders = root.children.filter((c): c is Folder => c.type === 'folder');
		const features = storyFeatures(story(), eventId);
		const layers = story().layers.filter((l) => features.some((f) => f.properties.layer === l.id));
		expect(folders.map((f) => f.meta.name)).toEqual(layers.map((l) => l.title));
		for (const [i, folder] of folders.entries()) {
			for (const child of folder.children) {
				expect(child.type === 'Feature' && child.properties?.layer).toBe(layers[i].id);
			}
		}
		const styles = Array.from(doc.getElementsByTagName('Style'));
		const kinds = [...new Set(features.map((f) => f.properties.kind))];
		expect(styles.map((s) => s.getAttribute('id'))).toEqual(kinds.map((k) => `kind-${k}`));
		for (const [i, kind] of kinds.entries()) {
			const colour = styles[i].getElementsByTagName('IconStyle')[0].textContent;
			expect(colour).toBe(kmlColour(kindStyle(story().kinds, kind).colour));
		}
	});

	it('KML: each Placemark spans its event’s days and links back to the event page', () => {
		const fc = kml(xml(storyKml(story(), options())));
		const events = new Map(story().events.map((e) => [e.id, e]));
		for (const f of fc.features) {
			const event = events.get(String(f.properties?.event))!;
			expect(f.properties?.timespan).toEqual({ begin: event.start, end: event.end ?? '' });
			const html = xml(`<div>${String(f.properties?.description)}</div>`, 'text/html');
			const links = Array.from(html.getElementsByTagName('a')).map((a) => a.getAttribute('href'));
			expect(links).toContain(`${SITE}/events/${event.id}/`);
			for (const href of links) expect(href).toMatch(/^https?:\/\//);
			expect(html.getElementsByTagName('script').length).toBe(0);
			expect(html.getElementsByTagName('img').length).toBe(0);
		}
	});

	it('hostile strings come back as the same text from KML and CSV', () => {
		const features = storyFeatures(story(), eventId);
		const placemarks = new Map(
			kml(xml(storyKml(story(), options()))).features.map((f) => [f.properties?.fid, f])
		);
		const rows = new Map(csvRows(storyCsv(story(), options())).map((r) => [r.fid, r]));
		const asCsv = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
		for (const f of features) {
			const p = f.properties;
			const placemark = placemarks.get(f.id)!.properties!;
			const row = rows.get(f.id)!;
			const sources = p.sources.map((s) => (s.url ? `${s.title} <${s.url}>` : s.title)).join('; ');
			expect(placemark.name).toBe(p.title);
			expect(row.title).toBe(asCsv(p.title));
			for (const key of ['quote', 'label', 'claimedBy', 'summary', 'note'] as const) {
				expect(placemark[key]).toBe(p[key]);
				expect(row[key]).toBe(p[key] === undefined ? '' : asCsv(p[key]));
			}
			expect(placemark.sources).toBe(sources);
			expect(row.sources).toBe(asCsv(sources));
			// The balloon is HTML: the quote is in its text, not in its markup.
			const html = xml(`<div>${String(placemark.description)}</div>`, 'text/html');
			expect(html.documentElement!.textContent).toContain(p.quote);
		}
	});
});

describe('the hostile fixture', () => {
	it('leaves no markup of the data in the KML, only escaped text', () => {
		const text = storyKml(hostile, { siteUrl: SITE });
		expect(text).toContain('&lt;script&gt;');
		expect(text).not.toMatch(/<(script|img|a)\b|CDATA/i);
		const doc = xml(text);
		expect(doc.getElementsByTagName('script').length).toBe(0);
		expect(doc.getElementsByTagName('img').length).toBe(0);
	});

	it('keeps a `javascript:` source URL as text, never a link', () => {
		const fc = kml(xml(storyKml(hostile, { siteUrl: SITE })));
		const flown = fc.features.find((f) => f.properties?.fid === 'flown')!;
		const html = xml(`<div>${String(flown.properties?.description)}</div>`, 'text/html');
		expect(html.documentElement!.textContent).toContain('JaVaScRiPt:alert(document.cookie)');
		const hrefs = Array.from(html.getElementsByTagName('a')).map((a) => a.getAttribute('href'));
		expect(hrefs).toEqual([
			'https://example.org/%F0%9F%A7%A8?q=%3Cscript%3E',
			`${SITE}/events/sinai-crash/`
		]);
	});
});

describe('odd values the stories lack', () => {
	/** The real story with a formula-like title, southern/western coordinates, a clockwise multipolygon and an open event. */
	function oddStory(): CompiledStory {
		const story = structuredClone(real);
		const byId = new Map(storyFeatures(story).map((f) => [f.id, f]));
		const kremlin = byId.get('kremlin')!;
		kremlin.geometry = { type: 'Point', coordinates: [-12.5, -33.25] };
		Object.assign(kremlin.properties, {
			title: '=HYPERLINK("https://evil.example","click")',
			label: '@SUM(A1:A9)',
			claimedBy: '+1+1',
			note: '-2+3',
			summary: '\tcmd|/c calc'
		});
		const area = byId.get('deir-ez-zor-oil-region')!;
		area.geometry = {
			type: 'MultiPolygon',
			coordinates: [
				[
					// Clockwise exterior with a counter-clockwise hole: both wrong by RFC 7946.
					[
						[-1, -1],
						[-1, 1],
						[1, 1],
						[1, -1],
						[-1, -1]
					],
					[
						[-0.5, -0.5],
						[0.5, -0.5],
						[0.5, 0.5],
						[-0.5, 0.5],
						[-0.5, -0.5]
					]
				],
				[
					[
						[10, 10],
						[11, 10],
						[11, 11],
						[10, 10]
					]
				]
			]
		};
		story.events.find((e) => e.id === 'kremlin-talks')!.end = null;
		return story;
	}

	it('neutralises formula-like cells but keeps negative coordinates numbers', () => {
		const text = storyCsv(oddStory(), { siteUrl: SITE });
		const row = csvRows(text).find((r) => r.fid === 'kremlin')!;
		expect(row.title).toBe(`'=HYPERLINK("https://evil.example","click")`);
		expect(row.label).toBe(`'@SUM(A1:A9)`);
		expect(row.claimedBy).toBe(`'+1+1`);
		expect(row.note).toBe(`'-2+3`);
		expect(row.summary).toBe(`'\tcmd|/c calc`);
		expect(row.longitude).toBe('-12.5');
		expect(row.latitude).toBe('-33.25');
		expect(text).toContain(',-12.5,-33.25,POINT (-12.5 -33.25)\r\n');
		expect(row.wkt).toBe('POINT (-12.5 -33.25)');
	});

	it('rewinds polygon rings to the right-hand rule and leaves everything else as it was', () => {
		const story = oddStory();
		for (const format of ['geojson', 'csv', 'kml'] as const) {
			const back = readers[format](exporters[format](story, { siteUrl: SITE }));
			expect(back.parts).toEqual(expected(story).parts);
		}
		const fc = check(storyGeoJson(story, { siteUrl: SITE })) as FeatureCollection;
		const area = fc.features.find((f) => f.id === 'deir-ez-zor-oil-region')!.geometry;
		expect(area.type).toBe('MultiPolygon');
		if (area.type !== 'MultiPolygon') return;
		const [[outer, hole], [other]] = area.coordinates;
		expect([signedArea(outer) > 0, signedArea(hole) > 0, signedArea(other) > 0]).toEqual([
			true,
			false,
			true
		]);
		expect(outer).toEqual([
			[-1, -1],
			[1, -1],
			[1, 1],
			[-1, 1],
			[-1, -1]
		]);
	});

	it('never reverses a line, whichever way it runs', () => {
		const line: Geometry = {
			type: 'LineString',
			coordinates: [
				[0, 0],
				[1, 0],
				[1, 1]
			]
		};
		const back: Geometry = { type: 'LineString', coordinates: [...line.coordinates].reverse() };
		expect(rightHandGeometry(line)).toEqual(line);
		expect(rightHandGeometry(back)).toEqual(back);
	});

	it('omits the TimeSpan end of an open event', () => {
		const text = storyKml(oddStory(), { siteUrl: SITE, eventId: 'kremlin-talks' });
		const spans = Array.from(xml(text).getElementsByTagName('TimeSpan'));
		expect(spans.length).toBeGreaterThan(0);
		for (const span of spans) {
			expect(span.getElementsByTagName('begin')[0].textContent).toBe('2015-11-26');
			expect(span.getElementsByTagName('end').length).toBe(0);
		}
	});

	it('refuses an event the story lacks', () => {
		for (const exporter of [storyGeoJson, storyCsv, storyKml, articleJson]) {
			expect(() => exporter(real, { siteUrl: SITE, eventId: 'no-such-event' })).toThrow(
				UnknownEventError
			);
		}
	});
});

describe('pictureFileName', () => {
	it('names the story or the event, the article’s date, and the card’s size', () => {
		expect(pictureFileName('view', '2015-11-27')).toBe('conflict-map-story-2015-11-27.png');
		expect(pictureFileName('view', '2015-11-27', 'su24-shootdown')).toBe(
			'conflict-map-su24-shootdown-2015-11-27.png'
		);
		expect(pictureFileName('social', '2015-11-27', 'su24-shootdown')).toBe(
			'conflict-map-su24-shootdown-2015-11-27-1200x630.png'
		);
	});
});
