/**
 * Rules not covered by a fixture of their own, checked in memory: the `valid` fixture's files,
 * changed one way each, must give exactly the expected problem lines.
 */
import { describe, expect, test } from 'vitest';
import { loadNaturalEarth } from '$lib/geo/natural-earth-file';
import { checkStoryFiles, type StoryFiles } from '$lib/story/build';
import { readStoryFiles } from '$lib/story/load';
import { formatProblem, sortProblems } from '$lib/story/problems';

const countries = loadNaturalEarth('10m');
const base = readStoryFiles('tests/fixtures/story/valid');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Parsed {
	article: Json;
	events: Json;
	layers: Record<string, Json>;
}

/** The valid story's files after `change`, then its problem lines in report order. */
function linesAfter(change: (story: Parsed & { feature: (id: string) => Json }) => void): string[] {
	const story: Parsed = {
		article: JSON.parse(base.article!),
		events: JSON.parse(base.events!),
		layers: Object.fromEntries(
			Object.entries(base.layers).map(([file, text]) => [file, JSON.parse(text)])
		)
	};
	const feature = (id: string) => {
		for (const layer of Object.values(story.layers)) {
			const found = layer.features.find((f: Json) => f.id === id);
			if (found) return found;
		}
		throw new Error(`no feature ${id}`);
	};
	change({ ...story, feature });
	const files: StoryFiles = {
		article: JSON.stringify(story.article),
		events: JSON.stringify(story.events),
		layers: Object.fromEntries(
			Object.entries(story.layers).map(([file, value]) => [file, JSON.stringify(value)])
		)
	};
	return sortProblems(checkStoryFiles(files, countries)).map(formatProblem);
}

test('the unchanged fixture has no problems', () => {
	expect(linesAfter(() => {})).toEqual([]);
});

describe('derivations', () => {
	test('a split needs a via point', () => {
		expect(
			linesAfter(({ feature }) => {
				delete feature('flown').properties.derive.via;
			})
		).toEqual([
			'lines.geojson › flown › properties.derive.via: required when part is "to-via": the point where the path is split'
		]);
	});

	test('via must lie near the great circle', () => {
		expect(
			linesAfter(({ feature }) => {
				feature('unflown').properties.derive.via = 'paris-talks-site';
			})
		).toEqual([
			'lines.geojson › unflown › properties.derive.via: "paris-talks-site" is 2079 km from the great circle from "ssh" to "led" (at most 50 km): the split would not mean anything'
		]);
	});

	test('from and to must differ', () => {
		expect(
			linesAfter(({ feature }) => {
				feature('flown').properties.derive.to = 'ssh';
			})
		).toEqual(['lines.geojson › flown › properties.derive.to: must differ from "from"']);
	});

	test('a border needs two different countries', () => {
		expect(
			linesAfter(({ feature }) => {
				feature('syria-turkey-border').properties.derive.countries = ['Syria', 'Syria'];
			})
		).toEqual([
			'lines.geojson › syria-turkey-border › properties.derive.countries: a border needs two different countries, not "Syria" twice'
		]);
	});

	test('derivations are strict about their fields', () => {
		expect(
			linesAfter(({ feature }) => {
				feature('syria-turkey-border').properties.derive.country = 'Syria';
			})
		).toEqual([
			'lines.geojson › syria-turkey-border › properties.derive.country: unknown field (did you mean "countries"?)'
		]);
	});

	test('distances are measured from points, to features that exist', () => {
		expect(
			linesAfter(({ feature }) => {
				feature('paris-area').properties.measure = [
					{ op: 'distance-to', target: 'paris-area', label: 'self' }
				];
			})
		).toEqual([
			'areas.geojson › paris-area › properties.measure[0].target: a feature cannot measure the distance to itself',
			'areas.geojson › paris-area › properties.measure[0]: distances are measured from a Point; this feature is a Polygon'
		]);
	});
});

describe('ids and layers', () => {
	test('the id of an uncertainty circle cannot be taken by an authored feature', () => {
		expect(
			linesAfter(({ layers }) => {
				layers['areas.geojson'].features[0].id = 'ssh-uncertainty';
			})
		).toEqual([
			'areas.geojson › ssh-uncertainty › id: taken by the uncertainty circle the loader derives for "ssh": rename it'
		]);
	});

	test('layer ids come from file names, which must be kebab-case and not "uncertainty"', () => {
		expect(
			linesAfter(({ layers }) => {
				layers['Big Areas.geojson'] = layers['areas.geojson'];
				layers['uncertainty.geojson'] = layers['lines.geojson'];
				delete layers['areas.geojson'];
				delete layers['lines.geojson'];
			})
		).toEqual([
			'Big Areas.geojson: the file name makes the layer id "Big Areas", which must be kebab-case (it goes into share links): rename the file',
			'uncertainty.geojson: the layer id "uncertainty" is reserved for the uncertainty circles the loader derives: rename the file'
		]);
	});

	test('a story needs at least one layer file', () => {
		const lines = linesAfter(({ layers }) => {
			for (const file of Object.keys(layers)) delete layers[file];
		});
		expect(lines).toContain(
			'*.geojson: no layer files: the story needs at least one <layer-id>.geojson'
		);
	});

	test('a feature without an id is named by its index', () => {
		expect(
			linesAfter(({ layers }) => {
				delete layers['areas.geojson'].features[0].id;
			})
		).toEqual(['areas.geojson › features[0] › id: missing: expected a string']);
	});
});

describe('coverage', () => {
	test('an event without features', () => {
		expect(
			linesAfter(({ events }) => {
				events.events.push({
					id: 'extra',
					title: 'Extra',
					date: '2015',
					place: 'Nowhere',
					summary: 'x',
					passages: ['p4']
				});
			})
		).toEqual(['events.json › extra: no feature belongs to this event, so the map cannot show it']);
	});

	test('a passage marked unmapped that features cite', () => {
		expect(
			linesAfter(({ article }) => {
				article.passages[0].unmapped = 'nothing to map';
			})
		).toEqual([
			'article.json › p1 › unmapped: says the passage is unmapped, but "paris-area" and "paris-talks-site" cite it'
		]);
	});

	test('a feature with a schema problem still counts as citing its passages', () => {
		expect(
			linesAfter(({ feature, article }) => {
				article.passages[3].unmapped = undefined;
				const f = feature('paris-area');
				f.properties.passages = ['p1', 'p4'];
				f.properties.precision = 'nonsense';
			})
		).toEqual([
			'areas.geojson › paris-area › properties.precision: "nonsense" is not one of: exact, approximate, disputed'
		]);
	});
});

describe('article and events', () => {
	test('passages are numbered in reading order', () => {
		expect(
			linesAfter(({ article, feature }) => {
				article.passages[3].id = 'p5';
				void feature;
			})
		).toEqual([
			'article.json › p5 › id: expected "p4": passages are numbered p1, p2, … in reading order'
		]);
	});

	test('a problem inside a passage is placed at the passage', () => {
		expect(
			linesAfter(({ article }) => {
				article.passages[1].text = '';
			})
		).toContain('article.json › p2 › text: must not be empty');
	});

	test('an event needs a start date', () => {
		expect(
			linesAfter(({ events }) => {
				events.events[0].date = '../2015-11-26';
			})
		).toEqual([
			'events.json › paris-talks › date: "../2015-11-26" has no start: an event needs a start date to be placed in time'
		]);
	});

	test('figures cite passages that exist', () => {
		expect(
			linesAfter(({ events }) => {
				events.events[1].figures[0].passage = 'p12';
			})
		).toEqual([
			'events.json › sinai-crash › figures[0].passage: unknown passage "p12" (article.json has p1–p4)'
		]);
	});

	test('sources are strict about their fields', () => {
		expect(
			linesAfter(({ feature }) => {
				feature('ssh').properties.sources = [{ titel: 'x' }];
			})
		).toEqual([
			'sites.geojson › ssh › properties.sources[0].title: missing: expected a string',
			'sites.geojson › ssh › properties.sources[0].titel: unknown field (did you mean "title"?)'
		]);
	});
});

test('a line vertex outside its countries is reported at that vertex', () => {
	expect(
		linesAfter(({ layers }) => {
			layers['areas.geojson'].features.push({
				type: 'Feature',
				id: 'a-route',
				geometry: {
					type: 'LineString',
					coordinates: [
						[36.2, 36.6],
						[38.0, 36.8],
						[39.0, 33.0],
						[36.5, 31.0]
					]
				},
				properties: {
					event: 'jet-downed',
					title: 'A route',
					kind: 'smuggling-route',
					date: '2015',
					country: ['Syria', 'Turkey'],
					passages: ['p3'],
					quote: 'Syria',
					precision: 'exact',
					claimedBy: 'x',
					sources: [{ title: 'x' }]
				}
			});
		})
	).toEqual([
		// an Iraqi position that, swapped, would lie in Turkey: the hint is given
		'areas.geojson › a-route › geometry.coordinates[2]: [39, 33] is 46 km outside Syria and Turkey (it is in Iraq); longitude and latitude swapped?',
		'areas.geojson › a-route › geometry.coordinates[3]: [36.5, 31] is 148 km outside Syria and Turkey (it is in Jordan)'
	]);
});
