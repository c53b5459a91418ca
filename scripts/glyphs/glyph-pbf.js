// @ts-check
/**
 * Encodes/decodes one glyph range in MapLibre's glyphs.proto layout:
 *   glyphs { repeated fontstack stacks = 1 }
 *   fontstack { string name = 1; string range = 2; repeated glyph glyphs = 3 }
 *   glyph { uint32 id = 1; bytes bitmap = 2; uint32 width = 3; uint32 height = 4;
 *           sint32 left = 5; sint32 top = 6; uint32 advance = 7 }
 */
import Pbf from 'pbf';

/** @typedef {import('./sdf.js').Glyph} Glyph */

/**
 * @typedef {object} GlyphRange
 * @property {string} name font stack name
 * @property {string} range `<start>-<end>`
 * @property {Glyph[]} glyphs
 */

/**
 * @param {GlyphRange} stack
 * @returns {Uint8Array}
 */
export function encodeGlyphRange(stack) {
	const pbf = new Pbf();
	pbf.writeMessage(1, writeFontstack, stack);
	return pbf.finish();
}

/**
 * @param {GlyphRange} stack
 * @param {Pbf} pbf
 */
function writeFontstack(stack, pbf) {
	pbf.writeStringField(1, stack.name);
	pbf.writeStringField(2, stack.range);
	for (const glyph of [...stack.glyphs].sort((a, b) => a.id - b.id)) {
		pbf.writeMessage(3, writeGlyph, glyph);
	}
}

/**
 * @param {Glyph} g
 * @param {Pbf} pbf
 */
function writeGlyph(g, pbf) {
	pbf.writeVarintField(1, g.id);
	if (g.bitmap && g.bitmap.length > 0) pbf.writeBytesField(2, g.bitmap);
	pbf.writeVarintField(3, g.width);
	pbf.writeVarintField(4, g.height);
	pbf.writeSVarintField(5, g.left);
	pbf.writeSVarintField(6, g.top);
	pbf.writeVarintField(7, g.advance);
}

/**
 * Decodes a glyph pbf into its font stacks (the generator writes exactly one).
 * @param {Uint8Array} data
 * @returns {GlyphRange[]}
 */
export function decodeGlyphRanges(data) {
	/** @type {GlyphRange[]} */
	const stacks = [];
	new Pbf(data).readFields((tag, list, pbf) => {
		if (tag === 1) list.push(pbf.readMessage(readFontstack, { name: '', range: '', glyphs: [] }));
	}, stacks);
	return stacks;
}

/**
 * @param {number} tag
 * @param {GlyphRange} stack
 * @param {Pbf} pbf
 */
function readFontstack(tag, stack, pbf) {
	if (tag === 1) stack.name = pbf.readString();
	else if (tag === 2) stack.range = pbf.readString();
	else if (tag === 3) stack.glyphs.push(pbf.readMessage(readGlyph, emptyGlyph()));
}

/** @returns {Glyph} */
function emptyGlyph() {
	return { id: 0, bitmap: null, width: 0, height: 0, left: 0, top: 0, advance: 0 };
}

/**
 * @param {number} tag
 * @param {Glyph} g
 * @param {Pbf} pbf
 */
function readGlyph(tag, g, pbf) {
	if (tag === 1) g.id = pbf.readVarint();
	else if (tag === 2) g.bitmap = pbf.readBytes();
	else if (tag === 3) g.width = pbf.readVarint();
	else if (tag === 4) g.height = pbf.readVarint();
	else if (tag === 5) g.left = pbf.readSVarint();
	else if (tag === 6) g.top = pbf.readSVarint();
	else if (tag === 7) g.advance = pbf.readVarint();
}
