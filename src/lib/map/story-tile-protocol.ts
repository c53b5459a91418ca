/**
 * How the map asks for a tiled layer's tiles (`$lib/map/story-tiles`): through a protocol
 * of its own, which reads the layer's index of existing tiles first (`/data/<layer>/tiles.json`,
 * once) and answers a tile that does not exist as empty, with no request. Only the tiles
 * with features are files, so a static host would answer every other one with a 404: the
 * browser reports each on the console, and a view over empty desert asks for dozens.
 * Loaded only by a story that has tiled layers.
 */
import type { AddProtocolAction } from 'maplibre-gl';
import {
	layerData,
	setMaxZoom,
	STORY_TILE_PROTOCOL,
	TILE_MAX_ZOOM,
	tileSource,
	type TileSet
} from './story-style';
import { decodeTileFiles, type TileFiles, type TileIndexFile } from './tile-index';

const TILE_URL = new RegExp(
	`^${STORY_TILE_PROTOCOL}://([^/]+)/(all|clusters)/(\\d+)/(\\d+)/(\\d+)$`
);

/** The protocol's handler, for `maplibre.addProtocol(STORY_TILE_PROTOCOL, …)`. */
export function storyTileLoader(
	origin: string,
	fetch: typeof globalThis.fetch = globalThis.fetch
): AddProtocolAction {
	const indexes = new Map<string, Promise<Partial<Record<TileSet, TileFiles>>>>();
	const trees = (layer: string) => {
		let read = indexes.get(layer);
		if (!read) {
			const url = layerData(origin, layer).index;
			read = fetch(url)
				.then((res) => {
					if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
					return res.json() as Promise<TileIndexFile>;
				})
				.then(({ sets }) =>
					Object.fromEntries(
						(Object.keys(sets) as TileSet[]).map((set) => [
							set,
							decodeTileFiles(sets[set] ?? '', setMaxZoom(set))
						])
					)
				);
			// A failed index is asked for again by the next tile, not remembered as failed.
			read.catch(() => indexes.delete(layer));
			indexes.set(layer, read);
		}
		return read;
	};
	return async (params, abort) => {
		const match = TILE_URL.exec(params.url);
		if (!match) throw new Error(`Not a story tile: ${params.url}`);
		const [layer, asked, z, x, y] = [match[1], match[2] as TileSet, ...match.slice(3).map(Number)];
		const set = tileSource(asked, z);
		if (!(await trees(layer))[set]?.has(z, x, y)) return { data: new ArrayBuffer(0) };
		const url = layerData(origin, layer).tile(set, z, x, y);
		const res = await fetch(url, { signal: abort.signal });
		if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
		return { data: await res.arrayBuffer() };
	};
}

/**
 * What a stand-in of a low-zoom tile (`$lib/map/stand-ins`) does, read only by stories with
 * tiles: undefined for any other feature.
 */
export const standIns = {
	/** Its hover text: how many it stands for (under a time window, only some of them are). */
	label: (p: Record<string, unknown>, windowed: boolean) =>
		p.stands_for === undefined
			? undefined
			: `${windowed ? 'Features' : `${p.stands_for} features`} here: click to zoom in`,
	/** How far its click zooms: two zooms closer, where its features part. */
	zoom: (p: Record<string, unknown>, zoom: number) =>
		p.stands_for === undefined ? undefined : Math.min(zoom + 2, TILE_MAX_ZOOM)
};
