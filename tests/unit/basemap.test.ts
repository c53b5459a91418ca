import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { VectorTile } from '@mapbox/vector-tile';
import { geoArea, geoBounds } from 'd3-geo';
import type { Position } from 'geojson';
import * as topojson from 'topojson-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutPolygon, orientForSphere } from '../../scripts/basemap/antimeridian.js';
import { buildBasemap, METADATA_FILE } from '../../scripts/basemap/build.js';
import { DECIMALS, EXTENT, FIRST_VIEW, LAYERS, MAX_ZOOM } from '../../scripts/basemap/config.js';
import { lonSpan, pointInRing } from '../../scripts/basemap/geometry.js';
import { readTopology } from '../../scripts/basemap/inputs.js';
import { polygonArea, rankForArea } from '../../scripts/basemap/labels.js';
import type { WorldAtlasTopology } from '../../scripts/basemap/layers.js';
import { resolutionForTile, tileAt, tilesCovering } from '../../scripts/basemap/level-of-detail.js';
import {
	LABEL_DECIMALS,
	prepareLayers,
	RESOLUTIONS,
	type ResolutionLayers
} from '../../scripts/basemap/prepare.js';
import { roundRing, roundTo } from '../../scripts/basemap/rounding.js';
import { cleanFeature } from '../../scripts/basemap/tiles.js';
import { decode, digest, filesUnder } from './tile-files';

type Resolution = (typeof RESOLUTIONS)[number];

// Budgets (gzip level 6, as a web server would send them). Measured at the time of writing:
// first view 35 KB at z3 and at z4, 2.3 MB of tiles in all.
const FIRST_VIEW_GZIP_BUDGET = 80 * 1024;
const TOTAL_TILES_BUDGET = 6 * 1024 * 1024;
const TILE_COUNT = [0, 1, 2, 3, 4, 5, 6].reduce((sum, z) => sum + 4 ** z, 0);

const PARIS: [number, number] = [2.35, 48.86];
const MOSCOW: [number, number] = [37.62, 55.75];
const NORTH_SEA: [number, number] = [3, 56];
const BALTIC: [number, number] = [19, 57];
const MID_PACIFIC: [number, number] = [-135, 20];

let topologies: Record<Resolution, WorldAtlasTopology>;
let layers: Record<Resolution, ResolutionLayers>;
let root: string;
let outDir: string;
let firstBuild: Awaited<ReturnType<typeof buildBasemap>>;

beforeAll(async () => {
	topologies = {
		'110m': readTopology('110m'),
		'50m': readTopology('50m'),
		'10m': readTopology('10m')
	};
	layers = prepareLayers(topologies);
	root = mkdtempSync(path.join(tmpdir(), 'basemap-test-'));
	outDir = path.join(root, 'basemap');
	firstBuild = await buildBasemap({ outDir, force: true });
}, 120_000);

afterAll(() => {
	if (root) rmSync(root, { recursive: true, force: true });
});

/** world-atlas countries as spherical GeoJSON, straight from topojson. */
function rawCountries(resolution: Resolution) {
	const topology = topologies[resolution];
	return topology.objects.countries.geometries.map((geometry) => {
		const feature = topojson.feature(
			topology as unknown as Parameters<typeof topojson.feature>[0],
			geometry
		) as GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon, { name: string }>;
		const polygons =
			feature.geometry.type === 'Polygon'
				? [feature.geometry.coordinates]
				: feature.geometry.coordinates;
		return { name: feature.properties.name, id: geometry.id, polygons };
	});
}

/** Spherical area of world-atlas polygons as d3 reads them (after fixing inverted islands). */
function sphericalArea(polygons: Position[][][]) {
	return polygons.reduce(
		(sum, rings) => sum + geoArea({ type: 'Polygon', coordinates: orientForSphere(rings) }),
		0
	);
}

function country(resolution: Resolution, name: string) {
	const found = layers[resolution].countries.find((c) => c.properties.name === name);
	if (!found) throw new Error(`${name} missing at ${resolution}`);
	return found;
}

function allPositions(resolution: Resolution): Position[] {
	const l = layers[resolution];
	return [
		...l.countries.flatMap((c) => c.geometry.coordinates.flat(2)),
		...l.boundaries.flatMap((f) => f.geometry.coordinates.flat()),
		...l.coastline.flatMap((f) => f.geometry.coordinates.flat())
	];
}

function readTile(z: number, x: number, y: number) {
	return readFileSync(path.join(outDir, 'tiles', String(z), String(x), `${y}.pbf`));
}

/** A lon/lat as tile coordinates (0..EXTENT) of the tile at zoom z that holds it. */
function locate([lon, lat]: [number, number], z: number) {
	const { x, y } = tileAt(lon, lat, z);
	const n = 2 ** z;
	const sin = Math.sin((lat * Math.PI) / 180);
	const worldY = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n;
	const worldX = ((lon + 180) / 360) * n;
	return { x, y, px: (worldX - x) * EXTENT, py: (worldY - y) * EXTENT };
}

/** Names of the `countries` features of a tile whose polygons contain a tile-space point. */
function countriesAt(tile: VectorTile, px: number, py: number) {
	const layer = tile.layers[LAYERS.countries];
	const names: string[] = [];
	if (!layer) return names;
	for (let i = 0; i < layer.length; i++) {
		const feature = layer.feature(i);
		// Even-odd over every ring of the feature: inside an exterior and not inside its hole.
		const rings = feature.loadGeometry().map((ring) => ring.map((p) => [p.x, p.y]));
		const crossings = rings.filter((ring) => pointInRing([px, py], ring)).length;
		if (crossings % 2 === 1) names.push(String(feature.properties.name));
	}
	return names;
}

function countriesAtLonLat(point: [number, number], z: number) {
	const { x, y, px, py } = locate(point, z);
	return countriesAt(decode(readTile(z, x, y)), px, py);
}

describe('antimeridian cut', () => {
	it('cuts a synthetic ring crossing ±180° into two pieces on either side', () => {
		// A 20° square centred on the antimeridian, wound the way world-atlas (d3) winds exteriors.
		const square: Position[] = [
			[170, 10],
			[-170, 10],
			[-170, -10],
			[170, -10],
			[170, 10]
		];
		const pieces = cutPolygon([square]);
		expect(pieces).toHaveLength(2);
		const xs = pieces.map((p) => p[0].map((c) => c[0]));
		for (const ring of pieces.map((p) => p[0])) expect(lonSpan(ring)).toBeCloseTo(10, 6);
		expect(xs.some((x) => Math.min(...x) >= 170 - 1e-9)).toBe(true);
		expect(xs.some((x) => Math.max(...x) <= -170 + 1e-9)).toBe(true);
		const area = pieces.reduce((sum, p) => sum + polygonArea(p), 0);
		const original = geoArea({ type: 'Polygon', coordinates: [square] });
		expect(original).toBeLessThan(0.2); // the square itself, not the rest of the sphere
		expect(area).toBeCloseTo(original, 9);
	});

	it('closes a ring around the South Pole along the pole, in two halves', () => {
		const ring: Position[] = [];
		for (let lon = 180; lon >= -180; lon -= 10) ring.push([lon === -180 ? 180 : lon, -70]);
		ring.reverse(); // eastward: the pole side is inside for d3
		const original = geoArea({ type: 'Polygon', coordinates: [ring] });
		expect(original).toBeLessThan(2 * Math.PI);
		const pieces = cutPolygon([ring]);
		expect(pieces.length).toBe(2);
		for (const piece of pieces) {
			expect(lonSpan(piece[0])).toBeLessThanOrEqual(180);
			expect(Math.min(...piece[0].map((p) => p[1]))).toBeCloseTo(-90, 6);
		}
		const area = pieces.reduce((sum, p) => sum + polygonArea(p), 0);
		expect(Math.abs(area - original) / original).toBeLessThan(1e-6);
	});

	it.each(RESOLUTIONS)('leaves no ring wider than 180° of longitude at %s', (resolution) => {
		const wide = layers[resolution].countries.flatMap((c) =>
			c.geometry.coordinates
				.flat()
				.filter((ring) => lonSpan(ring) > 180)
				.map(() => c.properties.name)
		);
		expect(wide).toEqual([]);
		const lines = [...layers[resolution].boundaries, ...layers[resolution].coastline].flatMap(
			(f) => f.geometry.coordinates
		);
		const jumps = lines.filter((line) =>
			line.some((p, i) => i > 0 && Math.abs(p[0] - line[i - 1][0]) > 180)
		);
		expect(jumps).toEqual([]);
	});

	it.each(RESOLUTIONS)(
		'splits Russia, Fiji and Antarctica at %s but keeps their area (within 1 per cent)',
		(resolution) => {
			const raw = rawCountries(resolution);
			for (const name of ['Russia', 'Fiji', 'Antarctica']) {
				const source = raw.find((c) => c.name === name);
				if (!source) throw new Error(`${name} missing from world-atlas ${resolution}`);
				const cut = country(resolution, name).geometry.coordinates;
				expect(cut.length, name).toBeGreaterThan(source.polygons.length);
				const before = sphericalArea(source.polygons);
				const after = cut.reduce((sum, polygon) => sum + polygonArea(polygon), 0);
				expect(Math.abs(after - before) / before, name).toBeLessThan(0.01);
			}
		}
	);

	it.each(RESOLUTIONS)('keeps every country’s area at %s (within 1 per cent)', (resolution) => {
		const off: string[] = [];
		for (const source of rawCountries(resolution)) {
			const before = sphericalArea(source.polygons);
			if (before < 1e-9) continue; // slivers (Vatican at 10m): area is rounding noise
			const after = country(resolution, source.name).geometry.coordinates.reduce(
				(sum, polygon) => sum + polygonArea(polygon),
				0
			);
			if (Math.abs(after - before) / before > 0.01) off.push(source.name);
		}
		expect(off).toEqual([]);
	});
});

describe('rounding', () => {
	it('rounds values and never yields negative zero', () => {
		expect(roundTo(12.345678, 4)).toBe(12.3457);
		expect(roundTo(180.00000000000003, 4)).toBe(180);
		expect(Object.is(roundTo(-0.00001, 4), 0)).toBe(true);
	});

	it('drops rings that rounding collapses, and repeated vertices', () => {
		expect(
			roundRing(
				[
					[0, 0],
					[0.00001, 0],
					[0, 0.00001],
					[0, 0]
				],
				4
			)
		).toBeNull();
		expect(
			roundRing(
				[
					[0, 0],
					[1, 0],
					[1.00001, 0],
					[1, 1],
					[0, 0]
				],
				4
			)
		).toEqual([
			[0, 0],
			[1, 0],
			[1, 1],
			[0, 0]
		]);
	});

	it.each(RESOLUTIONS)('rounds every coordinate at %s to its stated decimals', (resolution) => {
		const factor = 10 ** DECIMALS[resolution];
		const unrounded = allPositions(resolution).filter((p) =>
			p.some((v) => Math.abs(v * factor - Math.round(v * factor)) > 1e-6)
		);
		expect(unrounded.slice(0, 5)).toEqual([]);
		const labelFactor = 10 ** LABEL_DECIMALS;
		const labels = layers[resolution].labels.flatMap((l) => l.geometry.coordinates);
		expect(
			labels.every((v) => Math.abs(v * labelFactor - Math.round(v * labelFactor)) < 1e-6)
		).toBe(true);
	});

	it('removes repeated tile vertices and empty rings from tile features', () => {
		const cleaned = cleanFeature({
			type: 3,
			tags: null,
			geometry: [
				[
					[0, 0],
					[10, 0],
					[10, 0],
					[10, 10],
					[0, 0]
				],
				[
					[5, 5],
					[5, 5],
					[6, 6],
					[5, 5]
				]
			]
		});
		expect(cleaned?.geometry).toEqual([
			[
				[0, 0],
				[10, 0],
				[10, 10],
				[0, 0]
			]
		]);
	});
});

describe('countries and labels', () => {
	it.each(RESOLUTIONS)('has every world-atlas country at %s, with name and iso', (resolution) => {
		const raw = rawCountries(resolution);
		const prepared = layers[resolution].countries.map((c) => c.properties);
		expect(prepared).toEqual(
			raw.map((c) => ({ name: c.name, iso: c.id === undefined ? '' : String(c.id) }))
		);
		expect(layers[resolution].labels.map((l) => l.properties.name)).toEqual(raw.map((c) => c.name));
		// Only countries that are slivers in the source may end up without a polygon.
		const empty = layers[resolution].countries
			.filter((c) => c.geometry.coordinates.length === 0)
			.map((c) => c.properties.name);
		for (const name of empty) {
			const source = raw.find((c) => c.name === name);
			expect(sphericalArea(source?.polygons ?? []), name).toBeLessThan(1e-9);
		}
		expect(empty.length).toBeLessThanOrEqual(1);
	});

	it('puts each label inside its country’s largest polygon (10m)', () => {
		const outside: string[] = [];
		for (const label of layers['10m'].labels) {
			const polygons = country('10m', label.properties.name).geometry.coordinates;
			if (polygons.length === 0) continue;
			const areas = polygons.map(polygonArea);
			const largest = polygons[areas.indexOf(Math.max(...areas))];
			const point = label.geometry.coordinates;
			const inside =
				pointInRing(point, largest[0]) && !largest.slice(1).some((h) => pointInRing(point, h));
			if (!inside) outside.push(label.properties.name);
		}
		expect(outside).toEqual([]);
	});

	it('places Russia’s and France’s labels on their mainland', () => {
		const at = (name: string) =>
			layers['10m'].labels.find((l) => l.properties.name === name)?.geometry.coordinates ?? [];
		const [rLon, rLat] = at('Russia');
		expect(rLon).toBeGreaterThan(40);
		expect(rLon).toBeLessThan(140);
		expect(rLat).toBeGreaterThan(50);
		const [fLon, fLat] = at('France');
		expect(fLon).toBeGreaterThan(-2);
		expect(fLon).toBeLessThan(7);
		expect(fLat).toBeGreaterThan(43);
		expect(fLat).toBeLessThan(49.5);
	});

	it('ranks countries 1..6 by area', () => {
		const rank = (name: string) =>
			layers['10m'].labels.find((l) => l.properties.name === name)?.properties.rank;
		expect(rank('Russia')).toBe(1);
		expect(rank('Egypt')).toBe(2);
		expect(rank('France')).toBe(3);
		expect(rank('Syria')).toBe(4);
		expect(rank('Israel')).toBe(5);
		expect(rank('Luxembourg')).toBe(6);
		expect(rankForArea(0)).toBe(6);
		expect(rankForArea(1e9)).toBe(1);
		for (const label of layers['10m'].labels) {
			expect(Number.isInteger(label.properties.rank)).toBe(true);
		}
	});
});

describe('level of detail', () => {
	it('uses 110m at z0–2, 50m at z3–4, 10m over the story at z5–6 and 50m elsewhere', () => {
		const paris6 = tileAt(...PARIS, 6);
		const pacific6 = tileAt(...MID_PACIFIC, 6);
		const levant5 = tileAt(35.5, 33.9, 5);
		expect(resolutionForTile(0, 0, 0)).toBe('110m');
		expect(resolutionForTile(2, 2, 1)).toBe('110m');
		expect(resolutionForTile(3, 4, 2)).toBe('50m');
		expect(resolutionForTile(4, 8, 5)).toBe('50m');
		expect(resolutionForTile(6, paris6.x, paris6.y)).toBe('10m');
		expect(resolutionForTile(5, levant5.x, levant5.y)).toBe('10m');
		expect(resolutionForTile(6, pacific6.x, pacific6.y)).toBe('50m');
		expect(resolutionForTile(5, tileAt(-100, 40, 5).x, tileAt(-100, 40, 5).y)).toBe('50m');
	});
});

describe('generated tiles', () => {
	it('writes every tile of the z0–z6 pyramid and metadata', () => {
		expect(firstBuild.skipped).toBe(false);
		const tiles = filesUnder(path.join(outDir, 'tiles'));
		expect(tiles).toHaveLength(TILE_COUNT);
		for (let z = 0; z <= MAX_ZOOM; z++) {
			const n = 2 ** z;
			for (let x = 0; x < n; x++) {
				expect(readdirSync(path.join(outDir, 'tiles', String(z), String(x))).length).toBe(n);
			}
		}
		const metadata = JSON.parse(readFileSync(path.join(outDir, METADATA_FILE), 'utf8'));
		expect(metadata).toMatchObject({
			minzoom: 0,
			maxzoom: 6,
			bounds: [-180, -85.051129, 180, 85.051129],
			attribution: 'Made with Natural Earth; places © GeoNames (CC BY 4.0)',
			generatedFrom: { 'world-atlas': '2.0.2' }
		});
		expect(metadata.sizes.total.tiles).toBe(TILE_COUNT);
		expect(metadata.sizes.total.bytes).toBe(
			tiles.reduce((sum, file) => sum + statSync(file).size, 0)
		);
		expect(readdirSync(root)).toEqual(['basemap']); // no staging folder left behind
	});

	it('stays within the size budgets', () => {
		for (const z of [3, 4]) {
			const gzip = tilesCovering(FIRST_VIEW, z).reduce((sum, t) => {
				const bytes = readTile(t.z, t.x, t.y);
				return sum + (bytes.length ? gzipSync(bytes, { level: 6 }).length : 0);
			}, 0);
			expect(gzip, `first view z${z}`).toBeLessThan(FIRST_VIEW_GZIP_BUDGET);
			expect(gzip).toBe(firstBuild.metadata.sizes.firstView[`z${z}`].gzipBytes);
		}
		const total = filesUnder(path.join(outDir, 'tiles')).reduce(
			(sum, file) => sum + statSync(file).size,
			0
		);
		expect(total).toBeLessThan(TOTAL_TILES_BUDGET);
	});

	it('decodes every tile, with only the basemap’s layers at extent 4096', () => {
		const names = new Set(Object.values(LAYERS));
		let empty = 0;
		for (const file of filesUnder(path.join(outDir, 'tiles'))) {
			const bytes = readFileSync(file);
			const tile = decode(bytes);
			if (bytes.length === 0) {
				expect(Object.keys(tile.layers)).toEqual([]);
				empty++;
				continue;
			}
			const layerNames = Object.keys(tile.layers);
			expect(layerNames.length).toBeGreaterThan(0);
			for (const name of layerNames) {
				expect(names.has(name as never), name).toBe(true);
				expect(tile.layers[name].extent).toBe(EXTENT);
				expect(tile.layers[name].length).toBeGreaterThan(0);
			}
		}
		expect(empty).toBeGreaterThan(0);
	});

	it('has the five source-layers with their properties over Europe', () => {
		const tile = decode(readTile(3, 4, 2));
		expect(Object.keys(tile.layers).sort()).toEqual(
			['boundaries', 'coastline', 'countries', 'country_labels', 'places'].sort()
		);
		const types = { countries: 3, boundaries: 2, coastline: 2, country_labels: 1, places: 1 };
		for (const [name, type] of Object.entries(types)) {
			const layer = tile.layers[name];
			for (let i = 0; i < layer.length; i++) expect(layer.feature(i).type).toBe(type);
		}
		const countries = tile.layers.countries;
		for (let i = 0; i < countries.length; i++) {
			const { name, iso } = countries.feature(i).properties;
			expect(typeof name).toBe('string');
			expect(typeof iso).toBe('string');
		}
		const labels = tile.layers.country_labels;
		for (let i = 0; i < labels.length; i++) {
			const { name, rank } = labels.feature(i).properties;
			expect(typeof name).toBe('string');
			expect(Number.isInteger(rank) && (rank as number) >= 1 && (rank as number) <= 6).toBe(true);
		}
	});

	it('has France around Paris at z6', () => {
		const { x, y, px, py } = locate(PARIS, 6);
		const tile = decode(readTile(6, x, y));
		expect(countriesAt(tile, px, py)).toEqual(['France']);
		const countries = tile.layers.countries;
		const france = Array.from({ length: countries.length }, (_, i) => countries.feature(i)).find(
			(f) => f.properties.name === 'France'
		);
		expect(france?.properties.iso).toBe('250');
	});

	it('has no false Russia across Europe, at every resolution', () => {
		for (const z of [0, 2, 3, 4, 5, 6]) {
			expect(countriesAtLonLat(NORTH_SEA, z), `North Sea z${z}`).toEqual([]);
			expect(countriesAtLonLat(BALTIC, z), `Baltic z${z}`).toEqual([]);
			expect(countriesAtLonLat(MOSCOW, z), `Moscow z${z}`).toEqual(['Russia']);
		}
	});

	it('draws each country only within its true extent (no band across the map)', () => {
		// geoBounds understands the antimeridian: west > east for a country that crosses it.
		const bounds = new Map(
			rawCountries('10m').map((c) => [
				c.name,
				geoBounds({ type: 'MultiPolygon', coordinates: c.polygons.map(orientForSphere) })
			])
		);
		const within = (name: string, [lon, lat]: [number, number]) => {
			const [[west, south], [east, north]] = bounds.get(name) ?? [
				[0, 0],
				[0, 0]
			];
			const m = 1; // degrees of slack
			const inLon =
				west <= east ? lon >= west - m && lon <= east + m : lon >= west - m || lon <= east + m;
			return inLon && lat >= south - m && lat <= north + m;
		};
		const misplaced = new Set<string>();
		for (const z of [2, 4, 5]) {
			const tiles = new Map<string, VectorTile>();
			for (let lon = -179; lon < 180; lon += 2) {
				for (let lat = -84; lat <= 84; lat += 2) {
					const { x, y, px, py } = locate([lon, lat], z);
					const key = `${x}/${y}`;
					let tile = tiles.get(key);
					if (!tile) tiles.set(key, (tile = decode(readTile(z, x, y))));
					for (const name of countriesAt(tile, px, py)) {
						if (!within(name, [lon, lat])) misplaced.add(`${name} at ${lon},${lat} z${z}`);
					}
				}
			}
		}
		expect([...misplaced].slice(0, 10)).toEqual([]);
	});

	it('fills Antarctica down to the bottom of the map, on both sides of 0°', () => {
		for (const z of [0, 3, 6]) {
			for (const lon of [-170, -90, -10, 10, 90, 170]) {
				expect(countriesAtLonLat([lon, -84.9], z), `lon ${lon} z${z}`).toEqual(['Antarctica']);
			}
		}
	});

	it('serves an empty but valid tile in the mid-Pacific', () => {
		const { x, y } = tileAt(...MID_PACIFIC, 6);
		const bytes = readTile(6, x, y);
		expect(bytes.length).toBe(0);
		expect(Object.keys(decode(bytes).layers)).toEqual([]);
	});

	it('skips an up-to-date build, and rebuilds byte-identically when forced', async () => {
		const before = digest(outDir);
		const skipped = await buildBasemap({ outDir });
		expect(skipped.skipped).toBe(true);
		const forced = await buildBasemap({ outDir, force: true });
		expect(forced.skipped).toBe(false);
		expect(digest(outDir)).toBe(before);
	}, 120_000);
});
