import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGlyphs } from '../../scripts/glyphs/build.js';
import { decodeGlyphRanges, type GlyphRange } from '../../scripts/glyphs/glyph-pbf.js';
import type { Glyph } from '../../scripts/glyphs/sdf.js';

const STACKS = ['Noto Sans Regular', 'Noto Sans Bold'] as const;
const BUFFER = 3;
// The BMP and the Supplementary Multilingual Plane (emoji), plus the flag tag characters.
const ALL_RANGES = [...Array.from({ length: 512 }, (_, i) => i), 0xe0000 / 256].map(
	(i) => `${i * 256}-${i * 256 + 255}`
);

let root: string;
let outA: string;
let outB: string;

beforeAll(async () => {
	root = mkdtempSync(path.join(tmpdir(), 'glyphs-test-'));
	outA = path.join(root, 'a');
	outB = path.join(root, 'b');
	const a = await buildGlyphs({ outDir: outA, force: true });
	expect(a.skipped).toBe(false);
	const b = await buildGlyphs({ outDir: outB, force: true });
	expect(b.skipped).toBe(false);
});

afterAll(() => {
	if (root) rmSync(root, { recursive: true, force: true });
});

function readRange(stack: string, range: string, dir = outA): GlyphRange {
	const stacks = decodeGlyphRanges(readFileSync(path.join(dir, stack, `${range}.pbf`)));
	expect(stacks).toHaveLength(1);
	return stacks[0];
}

function glyphsOf(stack: string, range: string): Map<number, Glyph> {
	return new Map(readRange(stack, range).glyphs.map((g) => [g.id, g]));
}

function glyph(stack: string, char: string): Glyph {
	const cp = char.codePointAt(0)!;
	const start = Math.floor(cp / 256) * 256;
	const g = glyphsOf(stack, `${start}-${start + 255}`).get(cp);
	if (!g) throw new Error(`${stack} has no glyph for ${char} (U+${cp.toString(16)})`);
	return g;
}

const chars = (s: string) => [...s];
const span = (from: string, to: string) =>
	Array.from({ length: to.codePointAt(0)! - from.codePointAt(0)! + 1 }, (_, i) =>
		String.fromCodePoint(from.codePointAt(0)! + i)
	);

describe.each(STACKS)('%s', (stack) => {
	it('has exactly the range files, each a valid stack with its name and range', () => {
		// An emoji (U+1F30D) and a flag's tag character (U+E0067) each have a file to ask for.
		expect(ALL_RANGES).toContain('127744-127999');
		expect(ALL_RANGES).toContain('917504-917759');
		const files = readdirSync(path.join(outA, stack)).sort();
		expect(files).toEqual(ALL_RANGES.map((r) => `${r}.pbf`).sort());
		for (const range of ALL_RANGES) {
			const decoded = readRange(stack, range);
			expect(decoded.name).toBe(stack);
			expect(decoded.range).toBe(range);
			const [start, end] = range.split('-').map(Number);
			const ids = decoded.glyphs.map((g) => g.id);
			for (const id of ids) {
				expect(id).toBeGreaterThanOrEqual(start);
				expect(id).toBeLessThanOrEqual(end);
			}
			expect(ids).toEqual([...new Set(ids)].sort((x, y) => x - y));
		}
	});

	it('0-255 has A–Z, a–z, 0–9 with bitmaps, and Latin-1 accented letters', () => {
		const glyphs = glyphsOf(stack, '0-255');
		for (const c of [
			...span('A', 'Z'),
			...span('a', 'z'),
			...span('0', '9'),
			...chars('éèçàöüñÉÇ')
		]) {
			const g = glyphs.get(c.codePointAt(0)!);
			expect(g, c).toBeDefined();
			expect(g!.bitmap?.length, c).toBeGreaterThan(0);
		}
	});

	it('256-511 has Latin Extended-A (Turkish and more)', () => {
		const glyphs = glyphsOf(stack, '256-511');
		for (const c of chars('şŞğĞıİőœŁł'))
			expect(glyphs.get(c.codePointAt(0)!)?.bitmap, c).toBeTruthy();
	});

	it('covers General Punctuation, Cyrillic and Greek', () => {
		for (const c of chars('–—‘’“”…•′″')) expect(glyph(stack, c).bitmap, c).toBeTruthy();
		for (const c of [...span('А', 'я'), ...chars('ЁёЇїІіЄєҐґ')])
			expect(glyph(stack, c).bitmap, c).toBeTruthy();
		for (const c of [...span('Α', 'Ρ'), ...span('Σ', 'Ω'), ...span('α', 'ω'), ...chars('άέήίόύώ')])
			expect(glyph(stack, c).bitmap, c).toBeTruthy();
	});

	it('has sane metrics', () => {
		let nonEmpty = 0;
		for (const range of ALL_RANGES) {
			for (const g of readRange(stack, range).glyphs) {
				if (g.bitmap) {
					nonEmpty++;
					expect(g.width).toBeGreaterThan(0);
					expect(g.height).toBeGreaterThan(0);
					expect(g.bitmap.length).toBe((g.width + 2 * BUFFER) * (g.height + 2 * BUFFER));
				} else {
					expect([g.width, g.height]).toEqual([0, 0]);
				}
				expect(g.advance).toBeLessThanOrEqual(40);
			}
		}
		expect(nonEmpty).toBeGreaterThan(1500);

		for (const c of [...span('A', 'Z'), ...span('a', 'z'), ...chars('şğıİЖжΩω')]) {
			const g = glyph(stack, c);
			expect(g.advance, c).toBeGreaterThanOrEqual(5);
			expect(g.advance, c).toBeLessThanOrEqual(40);
		}

		const space = glyph(stack, ' ');
		expect(space.bitmap).toBeNull();
		expect(space.advance).toBeGreaterThan(0);

		// top = ascent − 27: cap height above x-height, descender below baseline
		const A = glyph(stack, 'A');
		const x = glyph(stack, 'x');
		const g = glyph(stack, 'g');
		expect(A.top).toBeGreaterThan(-15);
		expect(A.top).toBeLessThan(-5);
		expect(A.top - A.height).toBe(-27); // sits on the baseline
		expect(g.top).toBeLessThan(A.top);
		expect(g.top - g.height).toBeLessThan(A.top - A.height);
		expect(x.top).toBe(g.top);
		expect(glyph(stack, 'i').advance).toBeLessThan(glyph(stack, 'W').advance);
	});

	it('bitmaps are signed distance fields (inside ≥ 192 > outside)', () => {
		const I = glyph(stack, 'I');
		const w = I.width + 2 * BUFFER;
		const h = I.height + 2 * BUFFER;
		const bitmap = I.bitmap!;
		const centre = bitmap[Math.floor(h / 2) * w + Math.floor(w / 2)];
		expect(centre).toBeGreaterThanOrEqual(192);
		for (const corner of [0, w - 1, (h - 1) * w, h * w - 1])
			expect(bitmap[corner]).toBeLessThan(100);
		// a gradient, not a binary mask
		expect(new Set(bitmap).size).toBeGreaterThan(20);
	});

	it('writes uncovered ranges as valid empty stacks and renders no glyph the font lacks', () => {
		for (const range of ['57344-57599', '63744-63999', '19968-20223', '44032-44287', '2304-2559']) {
			const decoded = readRange(stack, range);
			expect(decoded).toMatchObject({ name: stack, range });
			expect(decoded.glyphs, range).toHaveLength(0);
		}
		// the symbol range with emoji-like dingbats: Noto Sans has none of them
		expect(readRange(stack, '9984-10239').glyphs).toHaveLength(0);
	});

	it('draws combining marks on their own (no dotted circle from the shaper)', () => {
		for (const c of chars('\u0300\u0301\u0308')) {
			const g = glyph(stack, c);
			expect(g.advance, `U+${c.codePointAt(0)!.toString(16)}`).toBe(0);
			expect(g.bitmap).toBeTruthy();
		}
	});
});

describe('both stacks', () => {
	it('Bold is a different, heavier face than Regular', () => {
		const regular = glyph('Noto Sans Regular', 'A');
		const bold = glyph('Noto Sans Bold', 'A');
		expect(bold.advance).toBeGreaterThanOrEqual(regular.advance);
		expect(Buffer.from(bold.bitmap!).equals(Buffer.from(regular.bitmap!))).toBe(false);
		const ink = (g: Glyph) => g.bitmap!.filter((v) => v >= 192).length;
		expect(ink(bold)).toBeGreaterThan(ink(regular) * 1.2);
	});

	it('0-255 stays small enough to load fast', () => {
		for (const stack of STACKS) {
			const size = readFileSync(path.join(outA, stack, '0-255.pbf')).length;
			expect(size).toBeGreaterThan(20_000);
			expect(size).toBeLessThan(200_000);
		}
	});
});

describe('determinism and caching', () => {
	it('a rerun is byte-identical', () => {
		const list = (dir: string) =>
			(readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
				.filter((f) => f.includes('.'))
				.sort();
		const filesA = list(outA);
		expect(filesA).toEqual(list(outB));
		expect(filesA).toHaveLength(2 * ALL_RANGES.length + 1);
		for (const f of filesA) {
			expect(readFileSync(path.join(outB, f)).equals(readFileSync(path.join(outA, f))), f).toBe(
				true
			);
		}
	});

	it('skips when metadata.json records the same inputs, rebuilds when they differ or on force', async () => {
		const again = await buildGlyphs({ outDir: outA });
		expect(again.skipped).toBe(true);

		const metaPath = path.join(outA, 'metadata.json');
		const original = readFileSync(metaPath);
		const meta = JSON.parse(original.toString('utf8'));
		expect(meta.inputs.fontPackage).toMatch(/^@fontsource\/noto-sans@\d+\.\d+\.\d+$/);
		expect(meta.inputs.sourcesHash).toMatch(/^[0-9a-f]{64}$/);

		meta.inputs.sourcesHash = '0'.repeat(64);
		writeFileSync(metaPath, JSON.stringify(meta));
		const rebuilt = await buildGlyphs({ outDir: outA });
		expect(rebuilt.skipped).toBe(false);
		expect(readFileSync(metaPath).equals(original)).toBe(true);

		rmSync(path.join(outA, 'Noto Sans Bold', '1024-1279.pbf'));
		expect((await buildGlyphs({ outDir: outA })).skipped).toBe(false);

		expect((await buildGlyphs({ outDir: outA, force: true })).skipped).toBe(false);
		expect(
			readFileSync(path.join(outA, 'Noto Sans Regular', '0-255.pbf')).equals(
				readFileSync(path.join(outB, 'Noto Sans Regular', '0-255.pbf'))
			)
		).toBe(true);
	});
});
