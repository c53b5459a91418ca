// @ts-check
/**
 * Which codepoints a font maps to a real glyph (glyph id ≠ 0, i.e. not .notdef),
 * read from its OpenType `cmap` table (formats 4 and 12).
 */

/**
 * @param {Buffer} cmap the raw `cmap` table
 * @returns {Set<number>} codepoints with a glyph
 */
export function cmapCodepoints(cmap) {
	const numTables = cmap.readUInt16BE(2);
	/** @type {{ score: number, offset: number }[]} */
	const candidates = [];
	for (let i = 0; i < numTables; i++) {
		const at = 4 + i * 8;
		const platform = cmap.readUInt16BE(at);
		const encoding = cmap.readUInt16BE(at + 2);
		const offset = cmap.readUInt32BE(at + 4);
		const format = cmap.readUInt16BE(offset);
		const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
		if (!unicode) continue;
		if (format === 12) candidates.push({ score: 2, offset });
		else if (format === 4) candidates.push({ score: 1, offset });
	}
	candidates.sort((a, b) => b.score - a.score);
	const best = candidates[0];
	if (!best) throw new Error('font has no Unicode cmap subtable in format 4 or 12');
	return best.score === 2 ? readFormat12(cmap, best.offset) : readFormat4(cmap, best.offset);
}

/**
 * @param {Buffer} b
 * @param {number} at
 */
function readFormat4(b, at) {
	/** @type {Set<number>} */
	const out = new Set();
	const segCount = b.readUInt16BE(at + 6) / 2;
	const endAt = at + 14;
	const startAt = endAt + segCount * 2 + 2;
	const deltaAt = startAt + segCount * 2;
	const rangeOffsetAt = deltaAt + segCount * 2;
	for (let i = 0; i < segCount; i++) {
		const end = b.readUInt16BE(endAt + i * 2);
		const start = b.readUInt16BE(startAt + i * 2);
		const delta = b.readUInt16BE(deltaAt + i * 2);
		const rangeOffset = b.readUInt16BE(rangeOffsetAt + i * 2);
		for (let c = start; c <= end && c !== 0xffff; c++) {
			let gid;
			if (rangeOffset === 0) {
				gid = (c + delta) & 0xffff;
			} else {
				const addr = rangeOffsetAt + i * 2 + rangeOffset + (c - start) * 2;
				gid = b.readUInt16BE(addr);
				if (gid !== 0) gid = (gid + delta) & 0xffff;
			}
			if (gid !== 0) out.add(c);
		}
	}
	return out;
}

/**
 * @param {Buffer} b
 * @param {number} at
 */
function readFormat12(b, at) {
	/** @type {Set<number>} */
	const out = new Set();
	const numGroups = b.readUInt32BE(at + 12);
	for (let i = 0; i < numGroups; i++) {
		const g = at + 16 + i * 12;
		const start = b.readUInt32BE(g);
		const end = b.readUInt32BE(g + 4);
		const startGlyph = b.readUInt32BE(g + 8);
		for (let c = start; c <= end; c++) {
			if (startGlyph + (c - start) !== 0) out.add(c);
		}
	}
	return out;
}
