/**
 * One fixture per error class in tests/fixtures/story/<class>/: each is an overlay on the
 * `valid` story (fixture-overlay.ts) with one kind of mistake, and must fail with exactly these
 * lines (in report order: story.json, article.json, events.json, then layer files by name).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadNaturalEarth } from '$lib/geo/natural-earth-file';
import { viewBBox } from '$lib/geo/bounds';
import { buildStory, reportStoryFiles } from '$lib/story/build';
import { loadStory } from '$lib/story/load';
import { StoryError } from '$lib/story/problems';
import { applyOverlay, fixtureFiles } from './fixture-overlay';

const root = path.resolve('tests/fixtures/story');
const dir = (name: string) => path.join(root, name);
const countries = loadNaturalEarth('10m');
const load = (name: string) => buildStory(fixtureFiles(name), countries);

function storyError(name: string): StoryError {
	try {
		load(name);
	} catch (error) {
		if (error instanceof StoryError) return error;
		throw error;
	}
	throw new Error(`fixture ${name} loaded without problems`);
}

const expected: Record<string, string[]> = {
	'malformed-json': [
		"events.json › line 40, column 2: invalid JSON: Unexpected token ']'",
		"sites.geojson › line 20, column 5: invalid JSON: Expected ',' or '}' after property value"
	],
	'schema-violation': [
		'areas.geojson › Paris_Area › id: "Paris_Area" must be kebab-case: lowercase letters, digits and dashes',
		'lines.geojson › title: missing: expected a string',
		'sites.geojson › paris-talks-site › properties.title: must not be empty',
		'sites.geojson › paris-talks-site › properties.passages: missing: expected an array',
		'sites.geojson › paris-talks-site › properties.precision: "precise" is not one of: exact, approximate, disputed',
		'sites.geojson › paris-talks-site › properties.passage: unknown field (did you mean "passages"?)'
	],
	'unknown-kind': [
		'lines.geojson › syria-turkey-border › properties.derive.op: "frontier" is not one of: great-circle, border',
		'sites.geojson › paris-talks-site › properties.kind: unknown kind "bombing": the kinds are attack, crash, shootdown, diplomacy, airstrike, airbase, smuggling-route, oil-field, claim, border, flight-path, flight-path-unflown, uncertainty, place; declare new ones in story.json'
	],
	'on-land-at-sea': [
		'sites.geojson › crash-site › properties.country: names no country: name one, or give "waters" (the sea it lies in) for a place at sea',
		'sites.geojson › jet-crash › geometry.coordinates: this point is on land in Syria, 4.0 km from the sea: move it onto the water, or name the country'
	],
	'schema-and-position': [
		'sites.geojson › paris-talks-site › properties.precision: "precise" is not one of: exact, approximate, disputed',
		'sites.geojson › paris-talks-site › geometry.coordinates: [13.405, 52.52] is 539 km outside France (it is in Germany)'
	],
	'event-feature': [
		'events.json › paris-talks › feature: "crash-site" belongs to event "sinai-crash", not to this one',
		'events.json › jet-downed › feature: unknown feature "jet-crsh" (did you mean "jet-crash"?)'
	],
	'bad-story-json': [
		'story.json › kinds.naval-incident › colour: #F0E442 has contrast 1.2:1 against the land (#f4f1ea); at least 3:1 is needed to see it: pick a darker colour',
		'story.json › kinds.blockade › geometry: missing: a new kind is drawn as a "point", "line" or "area"',
		'story.json › kinds.border › dashed: "border" is a built-in kind: a story may change its label and colour only (declare a new kind to draw it differently)',
		'story.json › view.bbox: west (40) must be less than east (20)',
		'story.json › kinds.talks: looks the same as "diplomacy" (point square #0072b2): give it another colour or symbol'
	],
	'duplicate-feature-id': [
		'sites.geojson › paris-talks-site › id: duplicate feature id (also in areas.geojson)'
	],
	'duplicate-event-and-passage-ids': [
		'article.json › p4 › id: duplicate passage id (also passages[3])',
		'events.json › paris-talks › id: duplicate event id'
	],
	'reserved-event-id': [
		'events.json › story › id: "story" is reserved (the story\'s own preview image is /og/story.png)'
	],
	'unknown-event': [
		'sites.geojson › paris-talks-site › properties.event: unknown event "paris-talk" (did you mean "paris-talks"?); events are listed in events.json'
	],
	'unknown-passage': [
		'events.json › paris-talks › passages[1]: unknown passage "p7" (article.json has p1–p4)',
		'sites.geojson › paris-talks-site › properties.passages[1]: unknown passage "p9" (article.json has p1–p4)'
	],
	'quote-not-found': [
		'sites.geojson › paris-talks-site › properties.quote: not found verbatim in p1',
		'sites.geojson › crash-site › properties.quote: not found verbatim in p2 (the words are there but differ in case, spacing, quote marks or dashes)'
	],
	'coordinates-out-of-range': [
		'sites.geojson › paris-talks-site › geometry.coordinates: longitude 182.3522 is out of range (−180..180) in [182.3522, 48.8566]',
		'sites.geojson › led › geometry.coordinates: latitude 130.2625 is out of range (−90..90) in [59.8003, 130.2625]; longitude and latitude swapped?'
	],
	'too-many-decimals': [
		'sites.geojson › paris-talks-site › geometry.coordinates: 2.35220001 has more than 6 decimals (6 is ~0.1 m; round it)'
	],
	'outside-country': [
		'sites.geojson › paris-talks-site › geometry.coordinates: [2.3522, 48.8566] is 298 km outside Germany (it is in France)',
		'sites.geojson › jet-crash › geometry.coordinates: [35.83, 36.03] is 14 km outside Syria (in no country: at sea?); longitude and latitude swapped?'
	],
	'unknown-country': [
		'sites.geojson › led › properties.country[0]: unknown country "Russian Federation" (did you mean "Russia"?); use Natural Earth 1:10m names',
		'sites.geojson › jet-crash › properties.country: unknown country "Syrai" (did you mean "Syria"?); use Natural Earth 1:10m names'
	],
	'unclosed-ring': [
		'areas.geojson › paris-area › geometry.coordinates[0]: exterior ring is not closed: it ends at [2.3, 48.85], not at its first position [2.3, 48.84]'
	],
	'wrong-winding': [
		'areas.geojson › paris-area › geometry.coordinates[0]: exterior ring is clockwise; RFC 7946 wants exterior rings counter-clockwise',
		'areas.geojson › paris-area › geometry.coordinates[1]: hole 1 is counter-clockwise; RFC 7946 wants holes clockwise'
	],
	'short-ring': [
		'areas.geojson › paris-area › geometry.coordinates[1]: hole 1 has 3 positions; a ring needs at least 4 (the last repeating the first)'
	],
	'missing-uncertainty': [
		'sites.geojson › ssh › properties.uncertaintyKm: required when precision is "approximate": how far (km) the truth may be from the point'
	],
	'missing-claimed-by': [
		'sites.geojson › jet-crash › properties.claimedBy: required for kind "claim": who makes the claim'
	],
	'derive-bad-targets': [
		'lines.geojson › flown › properties.derive.from: unknown feature "sshh" (did you mean "ssh"?)',
		'lines.geojson › unflown › properties.derive.via: "paris-area" is a Polygon; the great circle needs a Point feature'
	],
	'derive-geometry-mismatch': [
		'lines.geojson › syria-turkey-border › geometry: must be null when properties.derive is given: the loader derives it',
		'sites.geojson › paris-talks-site › geometry: missing: give coordinates, or properties.derive to have the loader derive them'
	],
	'border-not-shared': [
		'lines.geojson › syria-turkey-border › properties.derive.countries: Syria and Egypt share no border in Natural Earth 1:10m',
		'lines.geojson › other-border › properties.derive.countries[1]: unknown country "Turkye" (did you mean "Turkey"?); use Natural Earth 1:10m names'
	],
	'measure-unknown-target': [
		'sites.geojson › jet-crash › properties.measure[0].target: unknown feature "syria-turkey-bordr" (did you mean "syria-turkey-border"?)'
	],
	'unlinked-passage': [
		'article.json › p4 › unmapped: no feature cites this passage: link one, or say in "unmapped" why it has no place on the map'
	],
	'invalid-dates': [
		'events.json › paris-talks › date: "2015-02-29" is not a day of the calendar (2015-02 has 28 days)',
		'sites.geojson › paris-talks-site › properties.date: "2015-11-27/2015-11-01" ends before it starts',
		'sites.geojson › ssh › properties.date: "2015-13" has no month 13'
	],
	'missing-file': ['events.json: missing: every story needs this file']
};

describe('each error class fails with its exact message', () => {
	test.each(Object.entries(expected))('%s', (name, lines) => {
		const error = storyError(name);
		expect(error.lines).toEqual(lines);
		expect(error.message).toBe(
			[
				`${lines.length} ${lines.length === 1 ? 'problem' : 'problems'} in the story data:`,
				...lines
			].join('\n')
		);
	});
});

test('every fixture directory is covered by a test', () => {
	const dirs = readdirSync(root, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort();
	expect(dirs).toEqual(
		[...Object.keys(expected), 'several-errors', ...validOverlays, 'valid'].sort()
	);
});

test('a story with several errors in several files lists every one of them', () => {
	const error = storyError('several-errors');
	expect(error.message).toBe(
		[
			'6 problems in the story data:',
			'article.json › p4 › unmapped: no feature cites this passage: link one, or say in "unmapped" why it has no place on the map',
			'events.json › sinai-crash › date: "2015-10-32" is not a day of the calendar (2015-10 has 31 days)',
			'areas.geojson › paris-area › geometry.coordinates[0]: exterior ring is clockwise; RFC 7946 wants exterior rings counter-clockwise',
			'sites.geojson › paris-talks-site › properties.quote: not found verbatim in p1',
			'sites.geojson › ssh › properties.passages[1]: unknown passage "p8" (article.json has p1–p4)',
			'sites.geojson › jet-crash › geometry.coordinates: [35.83, 36.03] is 14 km outside Syria (in no country: at sea?); longitude and latitude swapped?'
		].join('\n')
	);
	expect(error.problems).toHaveLength(6);
	expect(error.problems[4]).toEqual({
		file: 'sites.geojson',
		featureId: 'ssh',
		field: 'properties.passages[1]',
		reason: 'unknown passage "p8" (article.json has p1–p4)'
	});
});

describe('the report `npm run validate` and the build print', () => {
	test('every problem line once, then how many problems in how many files', () => {
		const report = reportStoryFiles(fixtureFiles('several-errors'), countries);
		expect(report.ok).toBe(false);
		expect(report.lines).toEqual(storyError('several-errors').lines);
		expect(report.summary).toBe('6 problems in 4 files');
		expect(reportStoryFiles(fixtureFiles('missing-file'), countries).summary).toBe(
			'1 problem in 1 file'
		);
	});

	test('a valid story: what it holds', () => {
		expect(reportStoryFiles(fixtureFiles('valid'), countries)).toEqual({
			ok: true,
			lines: [],
			summary: 'ok: 3 events, 9 features, 4 passages'
		});
	});
});

/** Overlays that must load: what the validator accepts, and what the compiler makes of it. */
const validOverlays = ['at-sea', 'declared-kinds'];

describe('valid overlays', () => {
	test('a point at sea that names its waters, and an area with a country and waters, load', () => {
		const story = load('at-sea');
		const jet = story.layers
			.flatMap((layer) => layer.data.features)
			.find((feature) => feature.id === 'jet-crash');
		expect(jet?.properties.country).toEqual([]);
		expect(jet?.properties.waters).toBe('Mediterranean Sea');
	});

	test('declared kinds reach the compiled story, with the opening view and the chosen feature', () => {
		const story = load('declared-kinds');
		expect(story.kinds['naval-incident']).toEqual({
			label: 'Naval incident',
			geometry: 'point',
			symbol: 'star',
			colour: '#332288',
			role: 'event'
		});
		expect(story.kinds['ship-route']).toMatchObject({
			geometry: 'line',
			colour: '#117733',
			dashed: false,
			arrows: true
		});
		expect(story.kinds.crash).toMatchObject({ label: 'Air crash', colour: '#882255' });
		// Only the kinds the story uses travel to the pages.
		expect(story.kinds.attack).toBeUndefined();
		expect(story.layers.find((l) => l.id === 'sites')?.kinds).toContain('naval-incident');
		expect(story.bbox).toEqual(viewBBox([30, 45], 4));
		expect(story.events.find((e) => e.id === 'sinai-crash')?.feature).toBe('ssh');
	});
});

test('a story.json that is not JSON is one problem: the kinds it meant to declare are not more', () => {
	const files = applyOverlay(
		fixtureFiles('declared-kinds'),
		{ about: 'broken story.json' },
		{
			'story.json': '{ "kinds": '
		}
	);
	const lines = (() => {
		try {
			buildStory(files, countries);
		} catch (error) {
			if (error instanceof StoryError) return error.lines;
			throw error;
		}
		throw new Error('loaded without problems');
	})();
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatch(/^story\.json › line 1, column 12: invalid JSON/);
});

describe('the valid fixture', () => {
	test('loads', () => {
		const story = load('valid');
		expect(story.events.map((event) => event.id)).toEqual([
			'sinai-crash',
			'jet-downed',
			'paris-talks'
		]);
	});

	test('markup-like characters in text are data, not errors, and reach the app unchanged', () => {
		const story = loadStory(dir('valid'));
		const site = story.layers
			.flatMap((layer) => layer.data.features)
			.find((feature) => feature.id === 'paris-talks-site');
		expect(site?.properties.title).toBe('Talks <script>alert(1)</script> & "more"');
	});
});

test('a directory that does not exist is a StoryError, not a crash', () => {
	expect(() => loadStory(dir('no-such-story'))).toThrow(/story directory not found/);
});
