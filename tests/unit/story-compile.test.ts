/** The compiled story of the `valid` fixture: what the app receives. */
import { distance } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { positionsOf } from '$lib/geo/coordinates';
import { loadNaturalEarth } from '$lib/geo/natural-earth-file';
import { compileStory } from '$lib/story/compile';
import type { CompiledFeature, CompiledStory } from '$lib/story/compiled';
import { loadStory, readStoryFiles } from '$lib/story/load';
import { validateStory, type StoryInput } from '$lib/story/validate';

const dir = path.resolve('tests/fixtures/story/valid');
const countries = loadNaturalEarth('10m');
let story: CompiledStory;
let features: Map<string, CompiledFeature>;
beforeAll(() => {
	story = loadStory(dir);
	features = new Map(
		story.layers.flatMap((layer) => layer.data.features as CompiledFeature[]).map((f) => [f.id, f])
	);
});

const inside = (bbox: number[], geometry: Geometry) =>
	[...positionsOf(geometry)].every(
		({ position: [lon, lat] }) =>
			lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3]
	);

describe('layers', () => {
	test('come in draw order, the uncertainty circles first (underneath)', () => {
		expect(story.layers.map((l) => [l.id, l.order])).toEqual([
			['uncertainty', 9],
			['areas', 10],
			['lines', 20],
			['sites', 30]
		]);
	});

	test('list the kinds they hold, in the schema order', () => {
		expect(story.layers.find((l) => l.id === 'sites')!.kinds).toEqual([
			'crash',
			'shootdown',
			'diplomacy',
			'place'
		]);
		expect(story.layers.find((l) => l.id === 'lines')!.kinds).toEqual([
			'border',
			'flight-path',
			'flight-path-unflown'
		]);
		expect(story.layers[0]).toMatchObject({
			id: 'uncertainty',
			title: 'Location uncertainty',
			kinds: ['uncertainty'],
			cluster: false,
			hidden: false
		});
	});

	test('features carry fid and layer, and no derivation instructions', () => {
		for (const layer of story.layers) {
			for (const feature of layer.data.features as CompiledFeature[]) {
				expect(feature.properties.fid).toBe(feature.id);
				expect(feature.properties.layer).toBe(layer.id);
				expect(feature.properties).not.toHaveProperty('derive');
				expect(feature.properties).not.toHaveProperty('measure');
				expect(feature.geometry).not.toBeNull();
			}
		}
	});
});

describe('uncertainty circles', () => {
	test('one per Point that is not exact, with its id, and none for exact points or place labels', () => {
		expect(story.layers[0].data.features.map((f) => f.id)).toEqual([
			'crash-site-uncertainty',
			'jet-crash-uncertainty'
		]);
		expect(features.has('paris-talks-site-uncertainty')).toBe(false);
		// ssh and led are approximate place labels: a label's spread is not doubt about an event.
		expect(features.has('ssh-uncertainty')).toBe(false);
		expect(features.has('led-uncertainty')).toBe(false);
	});

	test('copy what the popup needs from the point, and say what they belong to', () => {
		const circle = features.get('jet-crash-uncertainty')!;
		const point = features.get('jet-crash')!;
		expect(circle.properties).toMatchObject({
			of: 'jet-crash',
			kind: 'uncertainty',
			title: 'Uncertainty: Where the jet fell',
			event: point.properties.event,
			passages: point.properties.passages,
			quote: point.properties.quote,
			date: point.properties.date,
			precision: 'disputed',
			claimedBy: 'Test claimant',
			sources: point.properties.sources,
			uncertaintyKm: 10
		});
	});

	test('have the radius of the point’s uncertaintyKm', () => {
		const circle = features.get('crash-site-uncertainty')!;
		const center = (features.get('crash-site')!.geometry as { coordinates: Position }).coordinates;
		for (const { position } of positionsOf(circle.geometry)) {
			expect(distance(center, position, { units: 'kilometers' })).toBeCloseTo(10, 1);
		}
	});
});

describe('derived geometry and measurements', () => {
	test('every line has a length in km', () => {
		expect(features.get('flown')!.properties.lengthKm).toBeGreaterThan(200);
		expect(features.get('unflown')!.properties.lengthKm).toBeGreaterThan(3000);
		expect(features.get('syria-turkey-border')!.properties.lengthKm).toBeCloseTo(774.9, 0);
		expect(features.get('paris-talks-site')!.properties.lengthKm).toBeUndefined();
	});

	test('say how they were derived', () => {
		expect(features.get('syria-turkey-border')!.properties.derivedFrom).toBe(
			'Natural Earth 1:10m shared border of Syria and Turkey'
		);
		expect(features.get('flown')!.properties.derivedFrom).toBe(
			'great circle from Sharm el-Sheikh airport to Pulkovo airport, up to its point nearest Crash site'
		);
		expect(features.get('unflown')!.properties.derivedFrom).toBe(
			'great circle from Sharm el-Sheikh airport to Pulkovo airport, from its point nearest Crash site'
		);
		expect(features.get('paris-talks-site')!.properties.derivedFrom).toBeUndefined();
	});

	test('the flown and unflown parts meet', () => {
		const flown = (features.get('flown')!.geometry as { coordinates: Position[] }).coordinates;
		const unflown = (features.get('unflown')!.geometry as { coordinates: Position[] }).coordinates;
		expect(flown[flown.length - 1]).toEqual(unflown[0]);
	});

	test('the Su-24 point lies 3–6 km from the Natural Earth border (FACTS: ~4–5 km)', () => {
		const [measurement] = features.get('jet-crash')!.properties.measurements!;
		expect(measurement.label).toBe('to the border');
		expect(measurement.km).toBeGreaterThan(3);
		expect(measurement.km).toBeLessThan(6);
	});
});

describe('events', () => {
	test('in date order, with their day range', () => {
		expect(story.events.map((e) => [e.id, e.start, e.end])).toEqual([
			['sinai-crash', '2015-10-31', '2015-10-31'],
			['jet-downed', '2015-11-24', '2015-11-24'],
			['paris-talks', '2015-11-26', '2015-11-26']
		]);
	});

	test('list their features in draw order, without the derived circles', () => {
		expect(story.events.find((e) => e.id === 'sinai-crash')!.featureIds).toEqual([
			'flown',
			'unflown',
			'ssh',
			'led',
			'crash-site'
		]);
	});

	test('are framed on where they happened, circles included, context left out', () => {
		const context = new Set(['border', 'flight-path-unflown', 'place']);
		for (const event of story.events) {
			const own = [...features.values()].filter((f) => f.properties.event === event.id);
			const main = own.filter((f) => !context.has(f.properties.kind));
			for (const feature of main.length ? main : own)
				expect(inside(event.bbox, feature.geometry), `${event.id} / ${feature.id}`).toBe(true);
		}
		// The unflown leg to St Petersburg would zoom the crash out to a continent.
		const sinai = story.events.find((e) => e.id === 'sinai-crash')!;
		expect(inside(sinai.bbox, features.get('unflown')!.geometry)).toBe(false);
		expect(inside(sinai.bbox, features.get('crash-site-uncertainty')!.geometry)).toBe(true);
	});

	test('keep what events.json says', () => {
		expect(story.events.find((e) => e.id === 'sinai-crash')).toMatchObject({
			title: 'Crash in the Sinai',
			figures: [{ value: 224, unit: 'killed', passage: 'p2' }]
		});
	});
});

test('the story bbox holds every feature', () => {
	for (const feature of features.values())
		expect(inside(story.bbox, feature.geometry), feature.id).toBe(true);
});

test('the article is passed through verbatim', () => {
	const article = JSON.parse(readFileSync(path.join(dir, 'article.json'), 'utf8'));
	expect(story.article).toEqual(article);
});

test('the compiled story survives JSON (SvelteKit serialises load data)', () => {
	expect(JSON.parse(JSON.stringify(story))).toEqual(story);
});

test('compiling does not mutate the validated input', () => {
	const files = readStoryFiles(dir);
	const input: StoryInput = {
		article: { file: 'article.json', value: JSON.parse(files.article!) },
		events: { file: 'events.json', value: JSON.parse(files.events!) },
		layers: Object.entries(files.layers).map(([file, text]) => ({
			file,
			id: file.replace('.geojson', ''),
			value: JSON.parse(text)
		}))
	};
	const { story: valid, problems } = validateStory(input, countries);
	expect(problems).toEqual([]);
	const before = JSON.stringify(valid);
	const deepFreeze = (value: unknown): void => {
		if (typeof value === 'object' && value !== null) {
			Object.values(value).forEach(deepFreeze);
			Object.freeze(value);
		}
	};
	deepFreeze(valid);
	deepFreeze(input);
	const compiled = compileStory(valid!, countries);
	expect(JSON.stringify(valid)).toBe(before);
	// and the output shares nothing mutable with the input
	(compiled.article.passages[0] as { text: string }).text = 'changed';
	expect(valid!.article.passages[0].text).not.toBe('changed');
});
