// @ts-check
/**
 * What the glyph generator produces: font stacks, the font files behind them,
 * and MapLibre's SDF parameters. The app's style refers to the stack names.
 */

/** MapLibre's own TinySDF parameters (see GlyphManager in maplibre-gl). */
export const SDF = Object.freeze({
	fontSize: 24,
	buffer: 3,
	radius: 8,
	cutoff: 0.25,
	/** MapLibre subtracts this from tiny-sdf's glyphTop to get the pbf `top`. */
	topAdjustment: 27
});

/** Each .pbf file holds one block of 256 codepoints. */
export const RANGE_SIZE = 256;

/**
 * The ranges written, by index (codepoint / 256): the whole Basic Multilingual Plane, the
 * Supplementary Multilingual Plane (emoji, symbols: MapLibre 6 requests those ranges too)
 * and the tag characters of flag sequences (U+E0000). The font has no glyphs above the BMP,
 * so those files are empty stacks, there so that a label with an emoji never 404s.
 */
export const RANGE_INDICES = Object.freeze([
	...Array.from({ length: 512 }, (_, i) => i),
	0xe0000 / 256
]);
export const RANGE_COUNT = RANGE_INDICES.length;

/** The npm package the font files come from. */
export const FONT_PACKAGE = '@fontsource/noto-sans';

/**
 * Fontsource subsets, in order of preference when a codepoint occurs in several
 * (the shared ones are the same outlines). Each is one font file per weight.
 * Not `devanagari`: MapLibre cannot shape Indic scripts, and a vowel sign or virama
 * drawn on its own comes out of the shaper with a dotted circle (◌) attached.
 */
export const SUBSETS = Object.freeze([
	'latin',
	'latin-ext',
	'vietnamese',
	'greek',
	'greek-ext',
	'cyrillic',
	'cyrillic-ext'
]);

/**
 * @typedef {object} FontStack
 * @property {string} name directory name and the name the style's `text-font` uses
 * @property {400 | 700} weight fontsource weight of the files
 */

/** @type {readonly FontStack[]} */
export const FONT_STACKS = Object.freeze([
	{ name: 'Noto Sans Regular', weight: 400 },
	{ name: 'Noto Sans Bold', weight: 700 }
]);

/**
 * The `<start>-<end>` name of range number `index` (0-255).
 * @param {number} index
 */
export function rangeName(index) {
	const start = index * RANGE_SIZE;
	return `${start}-${start + RANGE_SIZE - 1}`;
}
