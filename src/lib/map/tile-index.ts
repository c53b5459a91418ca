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
 * A tile's Morton code at its zoom: the bits of y and x interleaved (y's above x's). The
 * index lists a level's tiles in this order, since a child's code is its parent's times four
 * plus its place among the four (`CHILDREN`), and parents come in order.
 */
export function mortonCode(x: number, y: number, z: number): number {
	let m = 0;
	for (let bit = z - 1; bit >= 0; bit--) m = m * 4 + ((y >> bit) & 1) * 2 + ((x >> bit) & 1);
	return m;
}

/** The x and y of a Morton code (`mortonCode`) at zoom z. */
function fromMorton(m: number, z: number): [number, number] {
	let x = 0;
	let y = 0;
	for (let bit = 0; bit < z; bit++) {
		const c = Math.floor(m / 4 ** bit) % 4;
		x += (c & 1) * 2 ** bit;
		y += (c >> 1) * 2 ** bit;
	}
	return [x, y];
}

/**
 * Walks the tree in `encodeTileIndex`'s text breadth-first, calling `visit` with each tile's
 * zoom and Morton code, level by level in code order. Text that is not such an index throws,
 * naming what is wrong: a broken file must not read as an empty layer. Tiles are codes, not
 * x, y pairs: a large layer's index holds a hundred thousand tiles, and the browser reads it
 * while the map starts.
 */
function walkTileIndex(
	text: string,
	maxzoom: number,
	visit: (z: number, code: number, file: boolean) => void
): void {
	if (text === '') return;
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
	visit(0, 0, root === FILE);
	let level = [0];
	for (let z = 0; z < maxzoom && level.length > 0; z++) {
		const next: number[] = [];
		for (const parent of level)
			for (let c = 0; c < 4; c++) {
				const s = state();
				if (s === OUT) continue;
				next.push(parent * 4 + c);
				visit(z + 1, parent * 4 + c, s === FILE);
			}
		level = next;
	}
}

/** The tree from `encodeTileIndex`'s text (throws as `walkTileIndex` does). */
export function decodeTileIndex(text: string, maxzoom: number): TileTree {
	const tree: TileTree = new Map();
	walkTileIndex(text, maxzoom, (z, code, file) =>
		tree.set(tileKey(z, ...fromMorton(code, z)), file)
	);
	return tree;
}

/** Which tiles are files: what the map asks before it requests one. */
export interface TileFiles {
	has(z: number, x: number, y: number): boolean;
}

/**
 * The files of `encodeTileIndex`'s text (throws as `walkTileIndex` does): each zoom's as a
 * sorted list of Morton codes, searched by halves. Reading a large layer's index into
 * `z/x/y` strings took the browser 150–290 ms a layer at 100,000 events, a long task each
 * while the map started.
 */
export function decodeTileFiles(text: string, maxzoom: number): TileFiles {
	const files: number[][] = Array.from({ length: maxzoom + 1 }, () => []);
	walkTileIndex(text, maxzoom, (z, code, file) => {
		if (file) files[z].push(code);
	});
	return {
		has(z, x, y) {
			const codes = files[z];
			// A code keeps only z bits of x and y: a tile off the grid would alias one on it.
			const size = 2 ** z;
			if (!codes || x < 0 || y < 0 || x >= size || y >= size) return false;
			const want = mortonCode(x, y, z);
			let lo = 0;
			let hi = codes.length;
			while (lo < hi) {
				const mid = (lo + hi) >> 1;
				if (codes[mid] < want) lo = mid + 1;
				else hi = mid;
			}
			return codes[lo] === want;
		}
	};
}
