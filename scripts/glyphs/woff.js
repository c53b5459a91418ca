// @ts-check
/**
 * Just enough of a WOFF 1.0 reader to get a font's tables out (each table is
 * zlib-compressed on its own), so the cmap can tell which codepoints the font has.
 */
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const HEADER_SIZE = 44;
const DIR_ENTRY_SIZE = 20;

/**
 * The uncompressed tables of a WOFF file, by tag.
 * @param {Uint8Array} file
 * @returns {Map<string, Buffer>}
 */
export function readWoffTables(file) {
	const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
	if (buf.length < HEADER_SIZE || buf.readUInt32BE(0) !== WOFF_SIGNATURE) {
		throw new Error('not a WOFF 1.0 file');
	}
	const numTables = buf.readUInt16BE(12);
	/** @type {Map<string, Buffer>} */
	const tables = new Map();
	for (let i = 0; i < numTables; i++) {
		const at = HEADER_SIZE + i * DIR_ENTRY_SIZE;
		const tag = buf.toString('latin1', at, at + 4);
		const offset = buf.readUInt32BE(at + 4);
		const compLength = buf.readUInt32BE(at + 8);
		const origLength = buf.readUInt32BE(at + 12);
		const raw = buf.subarray(offset, offset + compLength);
		const data = compLength < origLength ? inflateSync(raw) : Buffer.from(raw);
		if (data.length !== origLength) throw new Error(`WOFF table ${tag}: bad length`);
		tables.set(tag, data);
	}
	return tables;
}
