// @ts-check
// A small PMTiles v3 writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
// enough for an archive whose directory fits in the root (no leaf directories), which is what
// the tests need; a real regional extract is cut with the `pmtiles` CLI (README: the basemap).
// The `pmtiles` package reads archives but writes none; its tile-id function is used here so
// that both sides number tiles the same way. Pure: tiles in, bytes out.

import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

/** @typedef {{ z: number, x: number, y: number, data: Uint8Array }} ArchiveTile */

const HEADER_BYTES = 127;
/** The spec's limit: header and root directory within the first 16 KiB. */
const ROOT_LIMIT = 16_384 - HEADER_BYTES;
const COMPRESSION = { none: 1, gzip: 2 };
const TILE_TYPE = { mvt: 1 };

/** @param {number[]} out @param {number} value */
function writeVarint(out, value) {
	let v = value;
	while (v >= 0x80) {
		out.push((v % 0x80) | 0x80);
		v = Math.floor(v / 0x80);
	}
	out.push(v);
}

/**
 * A directory, serialised as the spec says: counts, then tile-id deltas, run lengths, lengths
 * and offsets, each column in turn (an offset of 0 means "right after the previous tile").
 * @param {{ tileId: number, offset: number, length: number, runLength: number }[]} entries
 */
function serializeDirectory(entries) {
	/** @type {number[]} */
	const out = [];
	writeVarint(out, entries.length);
	let last = 0;
	for (const e of entries) {
		writeVarint(out, e.tileId - last);
		last = e.tileId;
	}
	for (const e of entries) writeVarint(out, e.runLength);
	for (const e of entries) writeVarint(out, e.length);
	entries.forEach((e, i) => {
		const prev = entries[i - 1];
		writeVarint(out, i > 0 && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
	});
	return Uint8Array.from(out);
}

/**
 * @param {DataView} view
 * @param {number} at
 * @param {number} value
 */
const setUint64 = (view, at, value) => view.setBigUint64(at, BigInt(value), true);
/** @param {number} degrees */
const e7 = (degrees) => Math.round(degrees * 1e7);

/**
 * Writes an archive of vector tiles (uncompressed MVT). Empty tiles are left out: a reader
 * answers a tile missing from the directory as empty. Identical tiles are stored once.
 * @param {{ tiles: ArchiveTile[], metadata: object, bounds: [number, number, number, number], center: [number, number, number] }} input
 * @returns {Uint8Array}
 */
export function writePmtiles({ tiles, metadata, bounds, center }) {
	const present = tiles
		.filter((t) => t.data.length > 0)
		.map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) }))
		.sort((a, b) => a.tileId - b.tileId);
	if (present.length === 0) throw new Error('PMTiles: no tile to write');

	/** @type {Map<string, { offset: number, length: number }>} */
	const stored = new Map();
	/** @type {Uint8Array[]} */
	const chunks = [];
	let dataLength = 0;
	const entries = present.map((t) => {
		const key = Buffer.from(t.data).toString('base64');
		let at = stored.get(key);
		if (!at) {
			at = { offset: dataLength, length: t.data.length };
			stored.set(key, at);
			chunks.push(t.data);
			dataLength += t.data.length;
		}
		return { tileId: t.tileId, offset: at.offset, length: at.length, runLength: 1 };
	});

	const root = gzipSync(serializeDirectory(entries), { level: 9 });
	if (root.length > ROOT_LIMIT) {
		throw new Error(
			`PMTiles: the directory (${root.length} B) does not fit in the root; this writer has no leaf directories`
		);
	}
	const meta = gzipSync(Buffer.from(JSON.stringify(metadata)), { level: 9 });

	const rootOffset = HEADER_BYTES;
	const metaOffset = rootOffset + root.length;
	const dataOffset = metaOffset + meta.length;
	const header = new DataView(new ArrayBuffer(HEADER_BYTES));
	'PMTiles'.split('').forEach((c, i) => header.setUint8(i, c.charCodeAt(0)));
	header.setUint8(7, 3);
	setUint64(header, 8, rootOffset);
	setUint64(header, 16, root.length);
	setUint64(header, 24, metaOffset);
	setUint64(header, 32, meta.length);
	setUint64(header, 40, dataOffset); // no leaf directories: an empty section
	setUint64(header, 48, 0);
	setUint64(header, 56, dataOffset);
	setUint64(header, 64, dataLength);
	setUint64(header, 72, entries.length); // addressed tiles
	setUint64(header, 80, entries.length); // tile entries
	setUint64(header, 88, stored.size); // tile contents
	header.setUint8(96, 1); // clustered: entries in tile-id order, offsets ascending
	header.setUint8(97, COMPRESSION.gzip); // internal compression (directories, metadata)
	header.setUint8(98, COMPRESSION.none); // tile compression
	header.setUint8(99, TILE_TYPE.mvt);
	header.setUint8(100, Math.min(...present.map((t) => t.z)));
	header.setUint8(101, Math.max(...present.map((t) => t.z)));
	header.setInt32(102, e7(bounds[0]), true);
	header.setInt32(106, e7(bounds[1]), true);
	header.setInt32(110, e7(bounds[2]), true);
	header.setInt32(114, e7(bounds[3]), true);
	header.setUint8(118, center[0]);
	header.setInt32(119, e7(center[1]), true);
	header.setInt32(123, e7(center[2]), true);

	const out = new Uint8Array(dataOffset + dataLength);
	out.set(new Uint8Array(header.buffer), 0);
	out.set(root, rootOffset);
	out.set(meta, metaOffset);
	let at = dataOffset;
	for (const chunk of chunks) {
		out.set(chunk, at);
		at += chunk.length;
	}
	return out;
}
