/**
 * A large layer as vector tiles (`$lib/map/story-tiles`): every feature is in exactly the
 * tiles it reaches at each zoom, clusters are the ones MapLibre's own GeoJSON source would
 * make, the tiles carry what the style reads and nothing more, and the index of which tiles
 * exist reads back as written.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import Supercluster from 'supercluster';
import { tileLayer, tileIndexes, TILE_EXTENT, isTiled } from '$lib/map/story-tiles';
import {
	CHILDREN,
	decodeTileFiles,
	decodeTileIndex,
	encodeTileIndex,
	mortonCode,
	tileKey,
	type TileTree
} from '$lib/map/tile-index';
import {
	CLUSTER,
	setMaxZoom,
	STORY_TILE_LAYER,
	TILE_MAX_ZOOM,
	tileSource,
	type TileSet
} from '$lib/map/story-style';
import type { CompiledProperties } from '$lib/story/compiled';
import { decode } from './tile-files';

/** The tile position of a point at a zoom, in tiles (Web Mercator, as MapLibre's). */
function tileXY(lng: number, lat: number, z: number): [number, number] {
	const n = 2 ** z;
	const s = Math.sin((lat * Math.PI) / 180);
	return [((lng + 180) / 360) * n, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n];
}

/** A compiled feature's properties, with what a compiled story has and the tiles leave out. */
const compiled = (p: { fid: string; kind: string; title: string } & Record<string, unknown>) =>
	({
		event: `event-of-${p.fid}`,
		layer: 'sites',
		date: '2015-11-01/2015-11-02',
		passages: ['p1'],
		sources: [{ name: 'Reuters', url: 'https://example.org' }],
		...p
	}) as unknown as CompiledProperties;

function point(i: number, lng: number, lat: number, extra: Record<string, unknown> = {}) {
	return {
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [lng, lat] },
		properties: compiled({ fid: `f${i}`, kind: 'attack', title: `Point ${i}`, ...extra })
	} satisfies Feature<Point, CompiledProperties>;
}

const collection = (
	features: Feature<Geometry, CompiledProperties>[]
): FeatureCollection<Geometry, CompiledProperties> => ({ type: 'FeatureCollection', features });

/** Whether a decoded feature is in its tile's own area, not in the buffer around it. */
const ownTile = (f: { _x: number; _y: number }) =>
	f._x >= 0 && f._x < TILE_EXTENT && f._y >= 0 && f._y < TILE_EXTENT;

/** Every tile of a set, decoded: its key and its features' properties. */
function decoded(data: FeatureCollection<Geometry, CompiledProperties>, cluster: boolean) {
	const tiles = [...tileLayer(data, cluster)];
	type Decoded = Record<string, unknown> & { _x: number; _y: number };
	const sets: Record<TileSet, Map<string, Decoded[]>> = {
		all: new Map(),
		clusters: new Map()
	};
	for (const t of tiles) {
		const layer = decode(t.bytes).layers[STORY_TILE_LAYER];
		const features = layer
			? Array.from({ length: layer.length }, (_, i) => {
					const f = layer.feature(i);
					const [[p]] = f.loadGeometry();
					return { ...f.properties, _x: p.x, _y: p.y };
				})
			: [];
		sets[t.set].set(tileKey(t.z, t.x, t.y), features);
	}
	return { tiles, sets };
}

describe('the threshold', () => {
	it('tiles a layer only above it', () => {
		expect(isTiled(10_000, 10_000)).toBe(false);
		expect(isTiled(10_001, 10_000)).toBe(true);
		expect(isTiled(1, 0)).toBe(true);
		expect(isTiled(0, 0)).toBe(false);
	});
});

describe('tileLayer', () => {
	// The middle of a tile's buffer is 64 px of 512: 1,024 units.
	const BUFFER = 1024;

	it('puts each point in exactly the tiles whose buffered area holds it, at every zoom', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.tuple(
						fc.double({ min: 25, max: 60, noNaN: true }),
						fc.double({ min: 12, max: 42, noNaN: true })
					),
					{ minLength: 1, maxLength: 12 }
				),
				(positions) => {
					// Each of its own kind, so none stands in for another (tested below).
					const points = positions.map(([lng, lat], i) => point(i, lng, lat, { kind: `k${i}` }));
					const { sets } = decoded(collection(points), false);
					for (let z = 0; z <= TILE_MAX_ZOOM; z++) {
						for (const p of points) {
							const [lng, lat] = p.geometry.coordinates;
							const [tx, ty] = tileXY(lng, lat, z);
							// Its own tile always has it.
							const own = sets.all.get(tileKey(z, Math.floor(tx), Math.floor(ty)));
							expect(own?.map((f) => f.fid)).toContain(p.properties.fid);
							// Every tile that has it holds it within its buffer, and every tile
							// whose buffer clearly holds it has it (a unit either side of the edge
							// is left to rounding).
							for (const [key, features] of sets.all) {
								const [kz, kx, ky] = key.split('/').map(Number);
								if (kz !== z) continue;
								const u = (tx - kx) * TILE_EXTENT;
								const v = (ty - ky) * TILE_EXTENT;
								const within = (w: number, slack: number) =>
									w >= -BUFFER - slack && w <= TILE_EXTENT + BUFFER + slack;
								const has = features.some((f) => f.fid === p.properties.fid);
								if (has) expect(within(u, 1) && within(v, 1)).toBe(true);
								else expect(within(u, -1) && within(v, -1)).toBe(false);
							}
						}
					}
				}
			),
			{ numRuns: 15 }
		);
	});

	it('puts a line in the tiles it crosses, and not in one it misses', () => {
		const line: Feature<Geometry, CompiledProperties> = {
			type: 'Feature',
			geometry: {
				type: 'LineString',
				coordinates: [
					[30, 30],
					[40, 30]
				]
			},
			properties: compiled({ fid: 'road', kind: 'smuggling-route', title: 'Road' })
		};
		const { sets } = decoded(collection([line]), false);
		const z = 8;
		for (const lng of [30.5, 33, 35, 37.5, 39.5]) {
			const [tx, ty] = tileXY(lng, 30, z);
			expect(sets.all.get(tileKey(z, Math.floor(tx), Math.floor(ty)))?.[0]?.fid).toBe('road');
		}
		const [fx, fy] = tileXY(35, 35, z);
		expect(sets.all.has(tileKey(z, Math.floor(fx), Math.floor(fy)))).toBe(false);
	});

	it('keeps what the style and the hover read, and nothing else', () => {
		const p = point(1, 36, 36, { label: 'Aleppo', claimedBy: 'Russia', of: 'f0' });
		const { sets } = decoded(collection([p]), false);
		const [only] = sets.all.get('0/0/0')!;
		const { _x, _y, ...props } = only;
		expect(_x).toBeTypeOf('number');
		expect(_y).toBeTypeOf('number');
		expect(props).toEqual({
			fid: 'f1',
			event: 'event-of-f1',
			kind: 'attack',
			title: 'Point 1',
			label: 'Aleppo',
			claimedBy: 'Russia',
			of: 'f0',
			start: '2015-11-01',
			end: '2015-11-02'
		});
	});

	it('clusters as MapLibre’s GeoJSON source would, and keeps every point in the other set', () => {
		// Seeded points over a region, dense enough to cluster at every zoom up to 11.
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
		const points = Array.from({ length: 600 }, (_, i) =>
			point(i, 35 + random() * 6, 33 + random() * 4)
		);
		const lines: Feature<Geometry, CompiledProperties> = {
			type: 'Feature',
			geometry: {
				type: 'LineString',
				coordinates: [
					[35, 33],
					[41, 37]
				]
			},
			properties: compiled({ fid: 'line', kind: 'smuggling-route', title: 'A line' })
		};
		const { sets } = decoded(collection([...points, lines]), true);
		// What MapLibre 6 makes of a GeoJSON source with `cluster: true, clusterRadius: 40,
		// clusterMaxZoom: 11` (its geojson_source.ts): extent 8192, radius in tile units.
		const maplibre = new Supercluster({ maxZoom: 11, minPoints: 2, radius: 40 * 16, extent: 8192 });
		maplibre.load(points);
		for (let z = 0; z <= TILE_MAX_ZOOM; z++) {
			const expected = maplibre
				.getClusters([-180, -85, 180, 85], z)
				.map((f) =>
					'cluster' in f.properties && f.properties.cluster
						? `cluster:${f.properties.point_count}`
						: String(f.properties.fid)
				)
				.sort();
			// A tile's own features, not those it repeats in its buffer from a neighbour.
			const seen: string[] = [];
			let lineSeen = false;
			for (const [key, features] of sets[tileSource('clusters', z)]) {
				if (Number(key.split('/')[0]) !== z) continue;
				for (const f of features) {
					if (f.fid === 'line') lineSeen = true;
					else if (f._x >= 0 && f._x < TILE_EXTENT && f._y >= 0 && f._y < TILE_EXTENT) {
						seen.push(f.cluster ? `cluster:${f.point_count}` : String(f.fid));
						if (f.cluster) {
							expect(f.expansion_zoom).toBe(maplibre.getClusterExpansionZoom(Number(f.cluster_id)));
							expect(f.point_count_abbreviated).toBeDefined();
						}
					}
				}
			}
			expect(seen.sort(), `zoom ${z}`).toEqual(expected);
			expect(lineSeen, `the line at zoom ${z}`).toBe(true);
			if (z <= 11) expect(seen.some((s) => s.startsWith('cluster:'))).toBe(true);
			else expect(seen.some((s) => s.startsWith('cluster:'))).toBe(false);
			// The other set counts every point at every zoom (stand-ins for several), and has
			// every one itself at the deepest.
			let counted = 0;
			const all = new Set<string>();
			for (const [key, features] of sets.all)
				if (Number(key.split('/')[0]) === z)
					for (const f of features) {
						if (f.fid !== undefined) all.add(String(f.fid));
						if (f.fid !== 'line' && ownTile(f)) counted += Number(f.stands_for ?? 1);
					}
			expect(counted, `zoom ${z}`).toBe(points.length);
			if (z === TILE_MAX_ZOOM) expect(all.size).toBe(points.length + 1);
			// Where a cell is larger than the points' spacing, some stand for others.
			if (z <= 6) expect(all.size).toBeLessThan(points.length + 1);
		}
	});

	it('keeps a tile the size of the picture: one feature per marker cell and look', () => {
		// 20,000 points of two kinds in 2° by 2°: at zoom 5 that is one cell of 16 px.
		let seed = 11;
		const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
		const points = Array.from({ length: 20_000 }, (_, i) =>
			point(i, 36 + random() * 2, 34 + random() * 2, {
				kind: i % 2 ? 'attack' : 'airstrike',
				date: `2015-${String(1 + (i % 12)).padStart(2, '0')}-01`
			})
		);
		const { sets } = decoded(collection(points), false);
		// A 512-px tile and its 64-px buffer are 40 cells a side; two kinds.
		const bound = 40 * 40 * 2;
		for (let z = 0; z <= TILE_MAX_ZOOM; z++) {
			let counted = 0;
			for (const [key, features] of sets.all) {
				if (Number(key.split('/')[0]) !== z) continue;
				if (z < TILE_MAX_ZOOM) expect(features.length, key).toBeLessThanOrEqual(bound);
				for (const f of features) if (ownTile(f)) counted += Number(f.stands_for ?? 1);
			}
			// Every point counted once, in its own tile.
			expect(counted, `zoom ${z}`).toBe(points.length);
		}
		// At zoom 5 a cell is 0.35°: the box is at most 8 by 8 cells, for 20,000 points.
		const z5 = [...sets.all]
			.filter(([key]) => key.startsWith('5/'))
			.flatMap(([, f]) => f)
			.filter(ownTile);
		expect(z5.length).toBeLessThanOrEqual(2 * 8 * 8);
		const standIn = z5.find((f) => f.stands_for !== undefined)!;
		expect(standIn.days).toMatch(/^[01]+$/);
		expect(standIn.fid).toBeUndefined();
	});

	it('makes no tile for an empty layer', () => {
		expect([...tileLayer(collection([]), true)]).toEqual([]);
	});
});

/** Leaves at zoom 8 and all their ancestors, files or not: what tileLayer makes. */
const randomTree = fc
	.array(fc.tuple(fc.nat(2 ** 8 - 1), fc.nat(2 ** 8 - 1), fc.boolean()), { maxLength: 40 })
	.map((leaves) => {
		const tiles: TileTree = new Map();
		for (const [x, y, file] of leaves)
			for (let z = 8; z >= 0; z--) {
				const key = tileKey(z, x >> (8 - z), y >> (8 - z));
				tiles.set(key, tiles.get(key) || (z === 8 ? file : (x + y + z) % 3 === 0));
			}
		return tiles;
	});

describe('the tile index', () => {
	const sized = (tiles: ReturnType<typeof tileLayer> extends Iterable<infer T> ? T[] : never) =>
		tiles.map((t) => ({ ...t, size: t.bytes.length }));

	it('says which tiles tileLayer made and which are files, for each set', () => {
		let seed = 3;
		const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
		// Points far apart, a cluster's worth close together, and an area too small to draw
		// at low zooms: tiles it reaches there have no bytes.
		const points = [
			point(1, 36.2, 36.2),
			point(2, -70.6, -33.4),
			point(3, 139.7, 35.7),
			...Array.from({ length: 50 }, (_, i) => point(10 + i, 37 + random(), 34 + random()))
		];
		const speck: Feature<Geometry, CompiledProperties> = {
			type: 'Feature',
			geometry: {
				type: 'Polygon',
				coordinates: [
					[
						[10, 10],
						[10.001, 10],
						[10.001, 10.001],
						[10, 10.001],
						[10, 10]
					]
				]
			},
			properties: compiled({ fid: 'speck', kind: 'area-of-control', title: 'Speck' })
		};
		const tiles = sized([...tileLayer(collection([...points, speck]), true)]);
		const { sets } = tileIndexes(tiles);
		for (const set of ['all', 'clusters'] as TileSet[]) {
			const tree = decodeTileIndex(sets[set]!, setMaxZoom(set));
			const made = tiles.filter((t) => t.set === set);
			expect(new Map(made.map((t) => [tileKey(t.z, t.x, t.y), t.size > 0]))).toEqual(tree);
			// Some tiles are in the tree for their children only, with nothing to draw.
			expect(
				[...tree.values()].some((file) => !file),
				set
			).toBe(true);
		}
		// Deeper than the clusters, there are `all` tiles only; the clusters set reads them.
		expect(tiles.some((t) => t.set === 'clusters' && t.z > CLUSTER.maxZoom)).toBe(false);
		expect(tiles.some((t) => t.set === 'all' && t.z === TILE_MAX_ZOOM)).toBe(true);
		expect(tileSource('clusters', CLUSTER.maxZoom + 1)).toBe('all');
		expect(tileSource('clusters', CLUSTER.maxZoom)).toBe('clusters');
		expect(tileSource('all', 3)).toBe('all');
	});

	it('reads back any tree of tiles as written', () => {
		fc.assert(
			fc.property(randomTree, (tiles) => {
				expect(decodeTileIndex(encodeTileIndex(tiles, 8), 8)).toEqual(tiles);
			})
		);
	});

	it('says which tiles are files, as the tree does, and no other tile is one', () => {
		const probe = fc.tuple(fc.integer({ min: 0, max: 9 }), fc.nat(2 ** 9), fc.nat(2 ** 9));
		fc.assert(
			fc.property(randomTree, fc.array(probe, { maxLength: 50 }), (tiles, probes) => {
				const files = decodeTileFiles(encodeTileIndex(tiles, 8), 8);
				for (const [key, file] of tiles) {
					const [z, x, y] = key.split('/').map(Number);
					expect(files.has(z, x, y), key).toBe(file);
				}
				for (const [z, x, y] of probes)
					expect(files.has(z, x, y)).toBe(tiles.get(tileKey(z, x, y)) === true);
			})
		);
		expect(decodeTileFiles('', 8).has(0, 0, 0)).toBe(false);
	});

	it('numbers tiles in the order the index lists them (Morton order)', () => {
		expect(mortonCode(0, 0, 0)).toBe(0);
		// A parent's four children, in CHILDREN's order, are its code times four plus 0..3.
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 20 }), fc.nat(), fc.nat(), (z, a, b) => {
				const [x, y] = [a % 2 ** z, b % 2 ** z];
				CHILDREN.forEach(([dx, dy], c) =>
					expect(mortonCode(2 * x + dx, 2 * y + dy, z + 1)).toBe(mortonCode(x, y, z) * 4 + c)
				);
			})
		);
	});

	it('throws on text that is not an index, rather than reading an empty layer', () => {
		const tiles: TileTree = new Map([
			['0/0/0', false],
			['1/1/0', true],
			['2/2/1', true]
		]);
		const text = encodeTileIndex(tiles, 2);
		expect(() => decodeTileIndex('not base64!', 2)).toThrow(/base64/);
		expect(() => decodeTileIndex(btoa('\u0000'), 2)).toThrow(/root/);
		expect(() => decodeTileIndex(btoa('\u0003'), 2)).toThrow(/state/);
		expect(() => decodeTileIndex(text, 6)).toThrow(/ends too soon/);
		expect(() => decodeTileFiles(text, 6)).toThrow(/ends too soon/);
		expect(() => decodeTileFiles('not base64!', 2)).toThrow(/base64/);
		fc.assert(
			fc.property(fc.string(), (s) => {
				try {
					const read = decodeTileIndex(s, 4);
					for (const k of read.keys()) expect(k).toMatch(/^\d+\/\d+\/\d+$/);
				} catch (e) {
					expect((e as Error).message).toMatch(/tile index/);
				}
			})
		);
	});
});
