// @ts-check
/**
 * Renders one codepoint to a MapLibre SDF glyph with @mapbox/tiny-sdf, drawing
 * on a @napi-rs/canvas canvas (prebuilt Skia; no browser, no compiler).
 */
import TinySDF from '@mapbox/tiny-sdf';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import { SDF } from './config.js';

/**
 * A glyph as stored in the pbf (glyphs.proto `glyph` message).
 * @typedef {object} Glyph
 * @property {number} id codepoint
 * @property {Uint8Array | null} bitmap SDF, (width + 2·buffer) × (height + 2·buffer); null if no ink
 * @property {number} width
 * @property {number} height
 * @property {number} left
 * @property {number} top
 * @property {number} advance
 */

/** TinySDF drawing on a @napi-rs/canvas canvas instead of a DOM one. */
class NodeTinySDF extends TinySDF {
	/**
	 * Called by TinySDF's constructor.
	 * @param {number} size
	 */
	_createCanvas(size) {
		return createCanvas(size, size);
	}
}

/** @type {Map<string, string>} font file → registered family alias */
const registered = new Map();

/**
 * Registers a font file under a family name of its own, so that canvas text
 * uses exactly this file (never another subset, weight or a system font).
 * @param {string} file
 * @returns {string} the family alias
 */
function registerFont(file) {
	let alias = registered.get(file);
	if (alias) return alias;
	alias = `GlyphGen${registered.size}`;
	const key = GlobalFonts.registerFromPath(file, alias);
	if (!key) throw new Error(`@napi-rs/canvas could not load ${file}`);
	registered.set(file, alias);
	return alias;
}

/**
 * A renderer for one font file.
 * @param {string} file font file (woff/woff2/ttf)
 * @param {number} weight CSS font weight of the file
 * @returns {(codepoint: number) => Glyph}
 */
export function createGlyphRenderer(file, weight) {
	const family = registerFont(file);
	const sdf = new NodeTinySDF({
		fontSize: SDF.fontSize,
		buffer: SDF.buffer,
		radius: SDF.radius,
		cutoff: SDF.cutoff,
		fontFamily: `"${family}"`,
		fontWeight: String(weight)
	});
	return (codepoint) => {
		const g = sdf.draw(String.fromCodePoint(codepoint));
		const empty = g.glyphWidth === 0 || g.glyphHeight === 0;
		return {
			id: codepoint,
			bitmap: empty ? null : new Uint8Array(g.data.buffer, g.data.byteOffset, g.data.byteLength),
			width: empty ? 0 : g.glyphWidth,
			height: empty ? 0 : g.glyphHeight,
			left: empty ? 0 : g.glyphLeft,
			top: empty ? 0 : g.glyphTop - SDF.topAdjustment,
			advance: Math.max(0, Math.round(g.glyphAdvance))
		};
	};
}
