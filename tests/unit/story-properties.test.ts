/**
 * Property-based: generated stories with valid features (inside a box known to lie within
 * France) pass validation; each mutation an author might make (coordinates swapped, a ring not
 * closed, a passage that does not exist, a quote changed) fails with its own reason, and only that.
 */
import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { isInsideCountry } from '$lib/geo/containment';
import { loadNaturalEarth } from '$lib/geo/natural-earth-file';
import { checkStoryFiles, type StoryFiles } from '$lib/story/build';
import { formatProblem } from '$lib/story/problems';

const countries = loadNaturalEarth('10m');
const france = countries.byName.get('France')!;

/** Central France, well away from coasts and borders: lon 0.5..4, lat 45.5..48 (in micro-degrees). */
const BOX = { west: 500_000, east: 4_000_000, south: 45_500_000, north: 48_000_000 };
const micro = (n: number) => n / 1e6;

const passages = [
	{
		id: 'p1',
		text: 'France and Russia will exchange intelligence on Islamic State and other rebel groups.'
	},
	{
		id: 'p2',
		text: 'Hollande said they had agreed to target only Islamic State & similar <jihadi> groups in Syria.'
	},
	{
		id: 'p3',
		text: '"What we agreed, and this is important, is to strike only terrorists," Hollande told a news conference.'
	}
];

const lon = fc.integer({ min: BOX.west, max: BOX.east }).map(micro);
const lat = fc.integer({ min: BOX.south, max: BOX.north }).map(micro);
const position = fc.tuple(lon, lat).map(([x, y]): Position => [x, y]);

/** A counter-clockwise rectangle inside the box. */
const rectangle = fc
	.tuple(
		fc.integer({ min: BOX.west, max: BOX.east - 20_000 }),
		fc.integer({ min: BOX.south, max: BOX.north - 20_000 }),
		fc.integer({ min: 1_000, max: 20_000 }),
		fc.integer({ min: 1_000, max: 20_000 })
	)
	.map(([x, y, w, h]) => {
		const [x0, y0, x1, y1] = [micro(x), micro(y), micro(x + w), micro(y + h)];
		return [
			[x0, y0],
			[x1, y0],
			[x1, y1],
			[x0, y1],
			[x0, y0]
		] as Position[];
	});

const geometry = fc.oneof(
	position.map((coordinates) => ({ type: 'Point', coordinates })),
	fc
		.array(position, { minLength: 2, maxLength: 5 })
		.map((coordinates) => ({ type: 'LineString', coordinates })),
	rectangle.map((ring) => ({ type: 'Polygon', coordinates: [ring] }))
);

/** A verbatim quote: a non-empty slice of one passage. */
const cited = fc
	.tuple(
		fc.integer({ min: 0, max: passages.length - 1 }),
		fc.nat(),
		fc.integer({ min: 1, max: 40 })
	)
	.map(([index, at, size]) => {
		const { id, text } = passages[index];
		const start = at % text.length;
		return { passage: id, quote: text.slice(start, start + size) };
	});

const slugPart = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const featureArb = fc.record({
	id: fc.tuple(slugPart, slugPart).map(([a, b]) => `${a}-${b}`),
	geometry,
	title: fc.string({ minLength: 1, maxLength: 30 }),
	cited,
	extraPassages: fc.subarray(passages.map((p) => p.id)),
	kind: fc.constantFrom('attack', 'airstrike', 'place', 'claim', 'diplomacy'),
	precision: fc.constantFrom('exact', 'approximate', 'disputed'),
	uncertaintyKm: fc.integer({ min: 1, max: 500 }).map((n) => n / 10),
	date: fc.constantFrom('2015-11-13', '2015-11', '2015-09-30/..', '2015-11-01/2015-11-27')
});

type Generated = typeof featureArb extends fc.Arbitrary<infer T> ? T : never;

function toFeature(g: Generated) {
	const properties: Record<string, unknown> = {
		event: 'the-event',
		title: g.title,
		kind: g.kind,
		date: g.date,
		country: 'France',
		passages: [...new Set([g.cited.passage, ...g.extraPassages])],
		quote: g.cited.quote,
		precision: g.precision,
		sources: [{ title: 'generated' }]
	};
	if (g.precision !== 'exact') properties.uncertaintyKm = g.uncertaintyKm;
	if (g.kind === 'claim') properties.claimedBy = 'someone';
	return { type: 'Feature', id: g.id, geometry: structuredClone(g.geometry), properties };
}

const storyArb = fc
	.uniqueArray(featureArb, { minLength: 1, maxLength: 4, selector: (g) => g.id })
	.map((generated) => generated.map(toFeature));

type Feature = ReturnType<typeof toFeature>;

function files(features: Feature[]): StoryFiles {
	const citedIds = new Set(features.flatMap((f) => f.properties.passages as string[]));
	const article = {
		headline: 'Generated',
		date: '2015-11-27',
		displayDate: '27/11/2015',
		byline: 'By Nobody',
		authors: ['Nobody'],
		source: 'Test',
		passages: passages.map((p) =>
			citedIds.has(p.id) ? p : { ...p, unmapped: 'not drawn in this test' }
		)
	};
	const events = {
		events: [
			{
				id: 'the-event',
				title: 'The event',
				date: '2015-11-13',
				place: 'France',
				summary: 'Generated.',
				passages: ['p1']
			}
		]
	};
	const layer = { type: 'FeatureCollection', title: 'Generated', features };
	return {
		article: JSON.stringify(article),
		events: JSON.stringify(events),
		layers: { 'generated.geojson': JSON.stringify(layer) }
	};
}

const problemsOf = (features: Feature[]) => checkStoryFiles(files(features), countries);

test('the box really is inside France (so generated positions are valid)', () => {
	for (let x = BOX.west; x <= BOX.east; x += 250_000) {
		for (let y = BOX.south; y <= BOX.north; y += 250_000)
			expect(isInsideCountry([micro(x), micro(y)], france)).toBe(true);
	}
});

describe('generated valid stories', () => {
	test('are accepted', () => {
		fc.assert(
			fc.property(storyArb, (features) => {
				expect(problemsOf(features).map(formatProblem)).toEqual([]);
			}),
			{ numRuns: 200 }
		);
	});
});

describe('mutated stories are rejected with the right reason, and only that', () => {
	const one = (features: Feature[], index: number) => {
		const problems = problemsOf(features);
		expect(problems, problems.map(formatProblem).join('\n')).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'generated.geojson', featureId: features[index].id });
		return problems[0];
	};
	const pick = fc.nat();

	test('a point with longitude and latitude swapped', () => {
		fc.assert(
			fc.property(storyArb, position, pick, (features, [x, y], n) => {
				const index = n % features.length;
				features[index].geometry = { type: 'Point', coordinates: [y, x] };
				const problem = one(features, index);
				expect(problem.field).toBe('geometry.coordinates');
				expect(problem.reason).toMatch(
					/^\[[\d.]+, [\d.]+\] is [\d.]+ km outside France .*; longitude and latitude swapped\?$/
				);
			}),
			{ numRuns: 100 }
		);
	});

	test('a polygon ring that is not closed', () => {
		fc.assert(
			fc.property(storyArb, rectangle, pick, (features, ring, n) => {
				const index = n % features.length;
				features[index].geometry = {
					type: 'Polygon',
					coordinates: [[...ring.slice(0, -1), [ring[0][0], ring[2][1]]]]
				};
				const problem = one(features, index);
				expect(problem.field).toBe('geometry.coordinates[0]');
				expect(problem.reason).toMatch(/^exterior ring is not closed: it ends at /);
			}),
			{ numRuns: 100 }
		);
	});

	test('a passage that does not exist', () => {
		fc.assert(
			fc.property(storyArb, fc.integer({ min: 4, max: 999 }), pick, (features, number, n) => {
				const index = n % features.length;
				const list = features[index].properties.passages as string[];
				list.push(`p${number}`);
				const problem = one(features, index);
				expect(problem.field).toBe(`properties.passages[${list.length - 1}]`);
				expect(problem.reason).toBe(`unknown passage "p${number}" (article.json has p1–p3)`);
			}),
			{ numRuns: 100 }
		);
	});

	test('a quote that is no longer verbatim', () => {
		fc.assert(
			fc.property(
				storyArb,
				fc.string({ minLength: 1, maxLength: 5 }),
				pick,
				(features, extra, n) => {
					const index = n % features.length;
					features[index].properties.quote = `${features[index].properties.quote}§${extra}`; // no passage has a §
					const problem = one(features, index);
					expect(problem.field).toBe('properties.quote');
					expect(problem.reason).toMatch(/^not found verbatim in p\d( and p\d|, p\d and p\d)?/);
				}
			),
			{ numRuns: 100 }
		);
	});
});
