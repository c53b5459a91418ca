/**
 * Noto Sans for preview images, from the same npm package as the map's glyphs
 * (`@fontsource/noto-sans`), so pictures come out the same on every machine whatever fonts
 * it has installed. Fontsource splits the font into subsets (one WOFF 1.0 file each, which
 * opentype.js reads); a stack loads them lazily, in order, as characters need them.
 * Build time and tests only: reads node_modules.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Font } from 'opentype.js';
import type { FontStack } from './text-paths';

const require = createRequire(import.meta.url);
// The CommonJS build: the same module whether Vite bundles this file or Node runs it.
const opentype = require('opentype.js') as typeof import('opentype.js');

export const FONT_PACKAGE = '@fontsource/noto-sans';

/**
 * Fontsource subsets in fallback order. Scripts opentype.js cannot shape (Devanagari) are
 * left out, as they are from the map's glyphs.
 */
export const SUBSETS = [
	'latin',
	'latin-ext',
	'cyrillic',
	'cyrillic-ext',
	'greek',
	'greek-ext',
	'vietnamese'
] as const;

export type Weight = 400 | 700;

export function fontFile(subset: string, weight: Weight): string {
	const dir = path.dirname(require.resolve(`${FONT_PACKAGE}/package.json`));
	return path.join(dir, 'files', `noto-sans-${subset}-${weight}-normal.woff`);
}

function parseFont(file: string): Font {
	const bytes = readFileSync(file);
	return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** A stack of one weight's subset files; a character no subset has is drawn by the first (as .notdef). */
class SubsetStack implements FontStack {
	readonly #files: string[];
	readonly #fonts: (Font | undefined)[];
	readonly #byChar = new Map<string, Font>();

	constructor(files: string[]) {
		this.#files = files;
		this.#fonts = files.map(() => undefined);
	}

	#font(i: number): Font {
		return (this.#fonts[i] ??= parseFont(this.#files[i]));
	}

	fontFor(char: string): Font {
		let font = this.#byChar.get(char);
		if (font) return font;
		font = this.#font(0);
		for (let i = 0; i < this.#files.length; i++) {
			if (this.#font(i).hasChar(char)) {
				font = this.#font(i);
				break;
			}
		}
		this.#byChar.set(char, font);
		return font;
	}
}

export interface CardFonts {
	regular: FontStack;
	bold: FontStack;
}

let cached: CardFonts | undefined;

/** Noto Sans Regular and Bold, loaded once per process. */
export function loadCardFonts(): CardFonts {
	cached ??= {
		regular: new SubsetStack(SUBSETS.map((s) => fontFile(s, 400))),
		bold: new SubsetStack(SUBSETS.map((s) => fontFile(s, 700)))
	};
	return cached;
}
