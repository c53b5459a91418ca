/**
 * Which tiles of a tiled story layer are files, in a few bytes: the map asks only for those,
 * and answers every other tile as empty without a request (a static host would answer 404,
 * which the browser reports as an error on the console).
 *
 * The tiles features reach form a tree: a tile's children lie inside its own buffered area,
 * so features reach a child only when they reach its parent. Some tiles they reach draw
 * nothing (an area smaller than a pixel there): those are in the tree, for the children
 * beneath them, but are no file. The index walks the tree breadth-first from z0: for each
 * tile in it, below the deepest zoom, two bits for each of its children (in the order NW,
 * NE, SW, SE) say whether the child is out of the tree, in it with nothing to draw, or a file.
 * Shared by the build (`$lib/map/story-tiles`) and the browser (`story-tile-protocol`).
 */

/**
 * What `/data/<layer>/tiles.json` holds: each tile set's index (`encodeTileIndex`), down to
 * its deepest zoom (`setMaxZoom` in `$lib/map/story-tiles`).
 */
export interface TileIndexFile {
	sets: { all?: string; clusters?: string };
}

export const tileKey = (z: number, x: number, y: number) => `${z}/${x}/${y}`;

/** A tile's four children, as offsets from twice its x and y. */
export const CHILDREN = [
	[0, 0],
	[1, 0],
	[0, 1],
	[1, 1]
] as const;

/** A tile in the tree (keys `z/x/y`): whether it is a file. */
export type TileTree = Map<string, boolean>;

const OUT = 0;
const EMPTY = 1;
const FILE = 2;

/** Encodes the tree (every tile with all its ancestors) as base64. */
export function encodeTileIndex(tree: TileTree, maxzoom: number): string {
	const root = tree.get(tileKey(0, 0, 0));
	if (root === undefined) return '';
	const states: number[] = [root ? FILE : EMPTY];
	let level: [number, number][] = [[0, 0]];
	for (let z = 0; z < maxzoom && level.length > 0; z++) {
		const next: [number, number][] = [];
		for (const [x, y] of level)
			for (const [dx, dy] of CHILDREN) {
				const child: [number, number] = [2 * x + dx, 2 * y + dy];
				const file = tree.get(tileKey(z + 1, ...child));
				states.push(file === undefined ? OUT : file ? FILE : EMPTY);
				if (file !== undefined) next.push(child);
			}
		level = next;
	}
	const bytes = new Uint8Array(Math.ceil(states.length / 4));
	states.forEach((s, i) => (bytes[i >> 2] |= s << ((i & 3) * 2)));
	let binary = '';
	// In slices: one call with every byte as an argument overflows the stack.
	for (let i = 0; i < bytes.length; i += 8192)
		binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
	return btoa(binary);
}

/**
 * The tree from `encodeTileIndex`'s text. Text that is not such an index throws, naming
 * what is wrong: a broken file must not read as an empty layer.
 */
export function decodeTileIndex(text: string, maxzoom: number): TileTree {
	const tree: TileTree = new Map();
	if (text === '') return tree;
	let bytes: Uint8Array;
	try {
		bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
	} catch {
		throw new Error('the tile index is not base64');
	}
	let i = 0;
	const state = () => {
		const byte = bytes[i >> 2];
		if (byte === undefined) throw new Error('the tile index ends too soon');
		const s = (byte >> ((i++ & 3) * 2)) & 3;
		if (s > FILE) throw new Error('the tile index holds a state it cannot have');
		return s;
	};
	const root = state();
	if (root === OUT) throw new Error('the tile index does not start with its root');
	tree.set(tileKey(0, 0, 0), root === FILE);
	let level: [number, number][] = [[0, 0]];
	for (let z = 0; z < maxzoom && level.length > 0; z++) {
		const next: [number, number][] = [];
		for (const [x, y] of level)
			for (const [dx, dy] of CHILDREN) {
				const s = state();
				if (s === OUT) continue;
				next.push([2 * x + dx, 2 * y + dy]);
				tree.set(tileKey(z + 1, 2 * x + dx, 2 * y + dy), s === FILE);
			}
		level = next;
	}
	return tree;
}
