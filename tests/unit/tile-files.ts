/**
 * Reading a generated basemap in tests: its files, a digest of them all (byte-identical
 * rebuilds), and a vector tile decoder.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';

type TileReader = ConstructorParameters<typeof VectorTile>[0];

/** Decodes with pbf 4's reader; @mapbox/vector-tile is typed against pbf 5's, same reading API. */
export function decode(bytes: Uint8Array) {
	return new VectorTile(new Pbf(bytes) as unknown as TileReader);
}

/** Every file below a folder, sorted. */
export function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.join(entry.parentPath, entry.name))
		.sort();
}

/** One hash of every file's path and bytes below a folder. */
export function digest(dir: string) {
	const hash = createHash('sha256');
	for (const file of filesUnder(dir)) {
		hash.update(path.relative(dir, file));
		hash.update(readFileSync(file));
	}
	return hash.digest('hex');
}
