/**
 * How the map asks for a tiled layer's tiles (`$lib/map/story-tiles`): through a protocol
 * of its own, which reads the layer's index of existing tiles first (`/data/<layer>/tiles.json`,
 * once) and answers a tile that does not exist as empty, with no request. Only the tiles
 * with features are files, so a static host would answer every other one with a 404: the
 * browser reports each on the console, and a view over empty desert asks for dozens.
 * Loaded only by a story that has tiled layers.
 */
import type { AddProtocolAction } from 'maplibre-gl';
import { layerData, STORY_TILE_PROTOCOL, type TileSet } from './story-style';
import { decodeTileIndex, tileKey, type TileIndexFile } from './tile-index';

const TILE_URL = new RegExp(
	`^${STORY_TILE_PROTOCOL}://([^/]+)/(all|clusters)/(\\d+)/(\\d+)/(\\d+)$`
);

/** The protocol's handler, for `maplibre.addProtocol(STORY_TILE_PROTOCOL, …)`. */
export function storyTileLoader(
	origin: string,
	fetch: typeof globalThis.fetch = globalThis.fetch
): AddProtocolAction {
	const indexes = new Map<string, Promise<Set<string>>>();
	const existing = (layer: string) => {
		let keys = indexes.get(layer);
		if (!keys) {
			const url = layerData(origin, layer).index;
			keys = fetch(url)
				.then((res) => {
					if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
					return res.json() as Promise<TileIndexFile>;
				})
				.then((file) => decodeTileIndex(file.index, file.maxzoom));
			// A failed index is asked for again by the next tile, not remembered as failed.
			keys.catch(() => indexes.delete(layer));
			indexes.set(layer, keys);
		}
		return keys;
	};
	return async (params, abort) => {
		const match = TILE_URL.exec(params.url);
		if (!match) throw new Error(`Not a story tile: ${params.url}`);
		const [, layer, set, z, x, y] = match;
		if (!(await existing(layer)).has(tileKey(Number(z), Number(x), Number(y))))
			return { data: new ArrayBuffer(0) };
		const url = layerData(origin, layer).tile(set as TileSet, z, x, y);
		const res = await fetch(url, { signal: abort.signal });
		if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
		return { data: await res.arrayBuffer() };
	};
}
