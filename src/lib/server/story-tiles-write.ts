/**
 * Writes the story's tiled layers (`$lib/map/story-tiles`) into the built site, as static
 * files any host serves: `/data/<layer>/<set>/<z>/<x>/<y>.pbf` and the index of which exist,
 * `/data/<layer>/tiles.json`. Run once the site is written (vite.config.ts, `storyTiles`):
 * hundreds of thousands of files would crawl through SvelteKit's prerenderer one request at
 * a time.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getTiledLayers } from './story';
import { tileIndexes, tileSourceLayer } from '$lib/map/story-tiles';
import type { TileSet } from '$lib/map/story-style';

export interface TiledLayerReport {
	layer: string;
	features: number;
	tiles: number;
	bytes: number;
}

export async function writeStoryTiles(buildDir: string): Promise<TiledLayerReport[]> {
	const reports: TiledLayerReport[] = [];
	for (const { layer, data } of await getTiledLayers()) {
		const dir = path.join(buildDir, 'data', layer.id);
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		const made = new Set<string>();
		const written: { set: TileSet; z: number; x: number; y: number; size: number }[] = [];
		let tiles = 0;
		let bytes = 0;
		for (const t of tileSourceLayer(data, layer.cluster)) {
			written.push({ set: t.set, z: t.z, x: t.x, y: t.y, size: t.bytes.length });
			// A tile with nothing to draw is in the index, not on disk.
			if (t.bytes.length === 0) continue;
			const folder = path.join(dir, t.set, String(t.z), String(t.x));
			if (!made.has(folder)) {
				mkdirSync(folder, { recursive: true });
				made.add(folder);
			}
			writeFileSync(path.join(folder, `${t.y}.pbf`), t.bytes);
			tiles++;
			bytes += t.bytes.length;
		}
		writeFileSync(path.join(dir, 'tiles.json'), JSON.stringify(tileIndexes(written)));
		reports.push({ layer: layer.id, features: data.features.length, tiles, bytes });
	}
	return reports;
}
