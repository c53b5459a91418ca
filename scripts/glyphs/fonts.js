// @ts-check
/**
 * The font files behind each stack and which codepoints each one covers.
 * Files are fontsource's per-subset WOFF 1.0 files: @napi-rs/canvas (Skia)
 * renders them, and their cmap is zlib-compressed, so node:zlib reads it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FONT_PACKAGE, SUBSETS } from './config.js';
import { cmapCodepoints } from './cmap.js';
import { readWoffTables } from './woff.js';

const require = createRequire(import.meta.url);

/** Directory of the installed font package. */
export function fontPackageDir() {
	return path.dirname(require.resolve(`${FONT_PACKAGE}/package.json`));
}

/**
 * The version of an installed package (found by walking up from its entry point,
 * since not every package exports its package.json).
 * @param {string} name
 * @returns {string}
 */
export function packageVersion(name) {
	let dir = path.dirname(require.resolve(name));
	for (;;) {
		try {
			const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
			if (pkg.name === name) return pkg.version;
		} catch {
			// no package.json here; keep walking up
		}
		const parent = path.dirname(dir);
		if (parent === dir) throw new Error(`cannot find package.json of ${name}`);
		dir = parent;
	}
}

/**
 * @typedef {object} FontFile
 * @property {string} subset fontsource subset name
 * @property {number} weight
 * @property {string} file absolute path
 * @property {string} name file name (for metadata and reports)
 * @property {Set<number>} codepoints BMP codepoints the file has a glyph for
 */

/**
 * The font files of one weight, in subset preference order.
 * @param {number} weight
 * @returns {FontFile[]}
 */
export function fontFiles(weight) {
	const dir = path.join(fontPackageDir(), 'files');
	return SUBSETS.map((subset) => {
		const name = `noto-sans-${subset}-${weight}-normal.woff`;
		const file = path.join(dir, name);
		const cmap = readWoffTables(readFileSync(file)).get('cmap');
		if (!cmap) throw new Error(`${name} has no cmap table`);
		const codepoints = new Set([...cmapCodepoints(cmap)].filter((c) => c <= 0xffff));
		return { subset, weight, file, name, codepoints };
	});
}

/**
 * For every covered codepoint, the first file (in subset order) that has it.
 * @param {FontFile[]} files
 * @returns {Map<number, FontFile>} sorted by codepoint
 */
export function assignCodepoints(files) {
	/** @type {Map<number, FontFile>} */
	const byCodepoint = new Map();
	for (const f of files) {
		for (const c of f.codepoints) if (!byCodepoint.has(c)) byCodepoint.set(c, f);
	}
	return new Map([...byCodepoint].sort((a, b) => a[0] - b[0]));
}
