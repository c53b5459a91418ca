// @ts-check
// A small PMTiles archive in the Protomaps basemap schema, made from our own generated tiles:
// what the tests switch the map to (BASEMAP_PMTILES) without third-party data or network.
// Countries become `earth`, borders `boundaries` (kind "country"), towns `places` (kind
// "locality"); Protomaps' layers draw these, and nothing of the rest (roads, water, …).
//
//   node scripts/pmtiles/from-basemap.js --out <file.pmtiles> [--maxzoom 5]

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { writePmtiles } from './writer.js';

const require = createRequire(import.meta.url);
/** @type {(tile: { layers: Record<string, unknown> }) => Uint8Array} */
const fromVectorTileJs = require('vt-pbf').fromVectorTileJs;

const TILES = fileURLToPath(new URL('../../static/generated/basemap/tiles', import.meta.url));

/**
 * Our layer → the Protomaps layer and the properties its style reads.
 * @type {Record<string, { name: string, properties: (p: Record<string, unknown>, z: number) => Record<string, unknown> }>}
 */
const SCHEMA = {
	countries: { name: 'earth', properties: () => ({ kind: 'earth' }) },
	boundaries: {
		name: 'boundaries',
		properties: () => ({ kind: 'country', kind_detail: 2, min_zoom: 0 })
	},
	places: {
		name: 'places',
		properties: (p, z) => ({
			kind: 'locality',
			name: p.name,
			'name:en': p.name,
			min_zoom: z,
			population_rank: Math.max(1, 16 - Number(p.rank) * 2)
		})
	}
};

/**
 * One of our tiles in the Protomaps schema.
 * @param {Uint8Array} bytes
 * @param {number} z
 */
export function toProtomaps(bytes, z) {
	if (bytes.length === 0) return bytes;
	const tile = new VectorTile(/** @type {any} */ (new Pbf(bytes)));
	/** @type {Record<string, unknown>} */
	const layers = {};
	for (const [ours, schema] of Object.entries(SCHEMA)) {
		const layer = tile.layers[ours];
		if (!layer) continue;
		layers[schema.name] = {
			name: schema.name,
			version: 2,
			extent: layer.extent,
			length: layer.length,
			feature: (/** @type {number} */ i) => {
				const f = layer.feature(i);
				return {
					type: f.type,
					id: f.id,
					properties: schema.properties(f.properties, z),
					loadGeometry: () => f.loadGeometry()
				};
			}
		};
	}
	return Object.keys(layers).length ? fromVectorTileJs({ layers }) : new Uint8Array(0);
}

/**
 * The archive of our world tiles up to `maxzoom`.
 * @param {{ maxzoom: number, tilesDir?: string }} options
 */
export function basemapArchive({ maxzoom, tilesDir = TILES }) {
	if (!existsSync(join(tilesDir, '0/0/0.pbf'))) {
		throw new Error(`no generated basemap in ${tilesDir}: run \`npm run generate\` first`);
	}
	const tiles = [];
	for (let z = 0; z <= maxzoom; z++) {
		for (let x = 0; x < 2 ** z; x++) {
			for (let y = 0; y < 2 ** z; y++) {
				const data = toProtomaps(readFileSync(join(tilesDir, `${z}/${x}/${y}.pbf`)), z);
				tiles.push({ z, x, y, data });
			}
		}
	}
	return writePmtiles({
		tiles,
		metadata: {
			name: 'Test basemap (Protomaps schema) from Natural Earth and GeoNames',
			attribution: 'Natural Earth; GeoNames',
			vector_layers: Object.values(SCHEMA).map((s) => ({ id: s.name, fields: {} }))
		},
		bounds: [-180, -85.0511, 180, 85.0511],
		center: [3, 30, 35]
	});
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	const arg = (/** @type {string} */ name, /** @type {string} */ fallback) => {
		const i = process.argv.indexOf(`--${name}`);
		return i > 0 ? process.argv[i + 1] : fallback;
	};
	const out = resolve(arg('out', 'static/generated/test-basemap.pmtiles'));
	const bytes = basemapArchive({ maxzoom: Number(arg('maxzoom', '5')) });
	mkdirSync(dirname(out), { recursive: true });
	writeFileSync(out, bytes);
	console.log(`pmtiles: ${out}, ${(bytes.length / 1024).toFixed(0)} KB`);
}
