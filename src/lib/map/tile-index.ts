/**
 * Which tiles of a tiled story layer exist, in a few bytes: the map asks only for those, and
 * answers every other tile as empty without a request (a static host would answer 404, which
 * the browser reports as an error on the console and MapLibre would wait for).
 *
 * The tiles with features form a tree: a tile's children lie inside its own buffered area,
 * so a child has features only when its parent has. The index walks that tree breadth-first
 * from z0: for each tile that exists, below the deepest zoom, four bits say which of its
 * children exist (in the order NW, NE, SW, SE). At 100,000 points that is 13 KB of base64.
 * Shared by the build (`$lib/map/story-tiles`) and the browser (`story-tile-protocol`).
 */

/** What `/data/<layer>/tiles.json` holds. */
export interface TileIndexFile {
	maxzoom: number;
	/** `encodeTileIndex`'s text. */
	index: string;
}

export const tileKey = (z: number, x: number, y: number) => `${z}/${x}/${y}`;

/** A tile's four children, as offsets from twice its x and y. */
export const CHILDREN = [
	[0, 0],
	[1, 0],
	[0, 1],
	[1, 1]
] as const;

/** Encodes the set of existing tiles (keys `z/x/y`, with every ancestor of each) as base64. */
export function encodeTileIndex(keys: ReadonlySet<string>, maxzoom: number): string {
	if (!keys.has(tileKey(0, 0, 0))) return '';
	const bits: number[] = [];
	let level: [number, number][] = [[0, 0]];
	for (let z = 0; z < maxzoom && level.length > 0; z++) {
		const next: [number, number][] = [];
		for (const [x, y] of level)
			for (const [dx, dy] of CHILDREN) {
				const child: [number, number] = [2 * x + dx, 2 * y + dy];
				const has = keys.has(tileKey(z + 1, ...child));
				bits.push(has ? 1 : 0);
				if (has) next.push(child);
			}
		level = next;
	}
	const bytes = new Uint8Array(Math.ceil(bits.length / 8) + 1);
	// The first byte says the root exists, so an index of one tile is not the empty string.
	bytes[0] = 1;
	bits.forEach((b, i) => (bytes[1 + (i >> 3)] |= b << (i & 7)));
	let binary = '';
	// In slices: one call with every byte as an argument overflows the stack.
	for (let i = 0; i < bytes.length; i += 8192)
		binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
	return btoa(binary);
}

/**
 * The set of existing tiles from `encodeTileIndex`'s text. Text that is not such an index
 * throws, naming what is wrong: a broken file must not read as an empty layer.
 */
export function decodeTileIndex(text: string, maxzoom: number): Set<string> {
	const keys = new Set<string>();
	if (text === '') return keys;
	let bytes: Uint8Array;
	try {
		bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
	} catch {
		throw new Error('the tile index is not base64');
	}
	if (bytes[0] !== 1) throw new Error('the tile index does not start with its root');
	const bit = (i: number) => {
		const byte = bytes[1 + (i >> 3)];
		if (byte === undefined) throw new Error('the tile index ends too soon');
		return (byte >> (i & 7)) & 1;
	};
	keys.add(tileKey(0, 0, 0));
	let i = 0;
	let level: [number, number][] = [[0, 0]];
	for (let z = 0; z < maxzoom && level.length > 0; z++) {
		const next: [number, number][] = [];
		for (const [x, y] of level)
			for (const [dx, dy] of CHILDREN)
				if (bit(i++)) {
					next.push([2 * x + dx, 2 * y + dy]);
					keys.add(tileKey(z + 1, 2 * x + dx, 2 * y + dy));
				}
		level = next;
	}
	return keys;
}
