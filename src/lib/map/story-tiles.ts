/**
 * A large story layer as static vector tiles, cut at build time (`npm run build` writes them
 * under `/data/<layer>/`; `$lib/server/story-tiles-write`). Below `DEFAULT_TILE_THRESHOLD`
 * features a layer stays one GeoJSON file: one request, no index (BENCHMARKS.md has both
 * measured at 10,000 and 100,000 events); above it, MapLibre's worker would parse and index
 * every feature of the file before drawing anything, and the browser would hold all of it.
 *
 * What MapLibre does with a GeoJSON source is done here once, with the same libraries and the
 * same numbers: geojson-vt cuts the features into tiles (extent 8192 for 512-pixel tiles,
 * tolerance 0.375 px), and a clustered layer's points are clustered with supercluster (radius
 * 40 px, clusters up to zoom 11, two points at least), so a cluster here counts what MapLibre
 * would count. A clustered layer has two tile sets, as the GeoJSON source had two modes:
 * `clusters`, and `all` (every point, for a time window: a cluster cannot tell which of its
 * points are in the window). Tiles carry only what the style and the hover read
 * (`sourceProperties`); popups read the story's parts, as before. Above the deepest zoom,
 * features that would draw in the same marker-sized cell are drawn once, in larger cells where
 * a tile is still too dense (`$lib/map/stand-ins`), so a tile holds about a thousand features
 * however large the story.
 *
 * Pure: features in, bytes out. The caller writes files.
 */
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import GeoJSONVT, { type LegacyFeature, type LegacyTile } from 'geojson-vt';
import Supercluster from 'supercluster';
import { CLUSTER, setMaxZoom, STORY_TILE_LAYER, TILE_MAX_ZOOM, type TileSet } from './story-style';
import { sourceData, type SourceProperties } from './source-data';
import { thinTile } from './stand-ins';
import type { CompiledProperties } from '$lib/story/compiled';
import {
	CHILDREN,
	encodeTileIndex,
	tileKey,
	type TileIndexFile,
	type TileTree
} from './tile-index';

// vt-pbf is CommonJS without type declarations; this is the one function used.
const vtpbf = createRequire(import.meta.url)('vt-pbf') as {
	fromGeojsonVt(
		layers: Record<string, LegacyTile>,
		options: { version: number; extent: number }
	): Uint8Array;
};

/** Layers with more features than this are tiled (`STORY_TILE_THRESHOLD` sets another). */
export const DEFAULT_TILE_THRESHOLD = 10_000;

/** Tile units per tile, and per pixel of MapLibre's 512-pixel tiles (as its GeoJSON source). */
export const TILE_EXTENT = 8192;
const UNITS_PER_PX = TILE_EXTENT / 512;
/** Around each tile, so icons and lines crossing its edge are drawn whole (pixels). */
const BUFFER_PX = 64;

export const isTiled = (featureCount: number, threshold: number) => featureCount > threshold;

/** One tile of one tile set. */
export interface EncodedTile {
	set: TileSet;
	z: number;
	x: number;
	y: number;
	/** No bytes: features reach the tile but draw nothing there (in the index, not a file). */
	bytes: Uint8Array;
}

type Props = SourceProperties & Record<string, unknown>;

/**
 * Every tile of a layer, in both sets for a clustered one, one at a time (a large layer's
 * tiles together are hundreds of megabytes). Tiles are made down to `TILE_MAX_ZOOM`, one zoom
 * past the clusters, where every point stands alone; MapLibre draws deeper zooms from those.
 * `tileIndexes` says which exist and which are files.
 */
export function tileLayer(
	layer: FeatureCollection<Geometry, CompiledProperties>,
	cluster: boolean
): Generator<EncodedTile> {
	return tileSourceLayer(sourceData(layer), cluster);
}

/** `tileLayer` of features that carry only what tiles carry (`sourceFeature`). */
export function* tileSourceLayer(
	data: FeatureCollection<Geometry, SourceProperties>,
	cluster: boolean
): Generator<EncodedTile> {
	const vt = (features: Feature<Geometry, SourceProperties>[]) =>
		new GeoJSONVT(
			{ type: 'FeatureCollection', features },
			{
				maxZoom: TILE_MAX_ZOOM,
				// Cut to the deepest zoom on demand, not kept in memory from the start.
				indexMaxZoom: 4,
				extent: TILE_EXTENT,
				buffer: BUFFER_PX * UNITS_PER_PX,
				tolerance: 0.375 * UNITS_PER_PX
			}
		);
	const all = vt(data.features);
	const points = data.features.filter(
		(f): f is Feature<Point, SourceProperties> => f.geometry.type === 'Point'
	);
	const clusters = cluster
		? new Supercluster<Props, Props>({
				maxZoom: CLUSTER.maxZoom,
				minPoints: 2,
				radius: CLUSTER.radius * UNITS_PER_PX,
				extent: TILE_EXTENT
			}).load(points as Feature<Point, Props>[])
		: undefined;
	const others = cluster ? vt(data.features.filter((f) => f.geometry.type !== 'Point')) : undefined;

	const features = (tile: { features: LegacyFeature[] } | null) => tile?.features ?? [];
	// Above the deepest zoom, what shares a cell is drawn once (`$lib/map/stand-ins`).
	const thin = (list: LegacyFeature[], z: number) =>
		z < TILE_MAX_ZOOM ? thinTile(list, UNITS_PER_PX) : list;
	const clusterTile = (z: number, x: number, y: number): LegacyFeature[] => {
		if (!clusters || !others) return [];
		const grouped = (clusters.getTile(z, x, y)?.features ?? []).map((f): LegacyFeature => {
			const tags = f.tags as Record<string, unknown> | null;
			// MapLibre asks its GeoJSON source how far to zoom to open a cluster; a tile cannot
			// be asked, so each cluster says so itself.
			if (tags && tags.cluster === true)
				return {
					type: 1,
					geometry: f.geometry as [number, number][],
					tags: {
						...tags,
						expansion_zoom: clusters.getClusterExpansionZoom(Number(tags.cluster_id))
					}
				};
			return { type: 1, geometry: f.geometry as [number, number][], tags };
		});
		return [...thin(features(others.getTile(z, x, y)), z), ...grouped];
	};

	const encode = (list: LegacyFeature[]) =>
		list.length
			? vtpbf.fromGeojsonVt(
					{ [STORY_TILE_LAYER]: { features: list } },
					{ version: 2, extent: TILE_EXTENT }
				)
			: new Uint8Array(0);
	// Depth first from z0: features reach a child only if they reach its parent (its buffered
	// area is inside the parent's), so branches no feature reaches are never cut.
	const stack: [number, number, number][] = data.features.length > 0 ? [[0, 0, 0]] : [];
	while (stack.length > 0) {
		const [z, x, y] = stack.pop()!;
		// geojson-vt answers null where no feature reaches; a tile where features reach may
		// still be empty here (an area smaller than a pixel) and full a few zooms down.
		// (A cluster lies among its points, so it is in a tile they reach; it is checked anyway.)
		const tile = all.getTile(z, x, y);
		const plain = thin(features(tile), z);
		// Deeper than the clusters the two sets are the same: `all` serves both (`tileSource`).
		const clustersHere = cluster && z <= CLUSTER.maxZoom;
		const grouped = clustersHere ? clusterTile(z, x, y) : plain;
		if (!tile && grouped.length === 0) continue;
		yield { set: 'all', z, x, y, bytes: encode(plain) };
		if (clustersHere) yield { set: 'clusters', z, x, y, bytes: encode(grouped) };
		if (z < TILE_MAX_ZOOM)
			for (const [dx, dy] of CHILDREN) stack.push([z + 1, 2 * x + dx, 2 * y + dy]);
	}
}

/**
 * The indexes (`$lib/map/tile-index`) of the tiles `tileLayer` made, one per set: a tile
 * with no bytes is in the tree (for its children) but is no file.
 */
export function tileIndexes(
	tiles: Iterable<Pick<EncodedTile, 'set' | 'z' | 'x' | 'y'> & { size: number }>
): TileIndexFile {
	const trees: Partial<Record<TileSet, TileTree>> = {};
	for (const t of tiles) (trees[t.set] ??= new Map()).set(tileKey(t.z, t.x, t.y), t.size > 0);
	const sets: TileIndexFile['sets'] = {};
	for (const set of Object.keys(trees) as TileSet[])
		sets[set] = encodeTileIndex(trees[set]!, setMaxZoom(set));
	return { sets };
}
