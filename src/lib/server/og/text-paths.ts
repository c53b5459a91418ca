/**
 * Text for preview images, as SVG path data drawn from font outlines (opentype.js), never as
 * SVG `<text>`: a rasteriser draws `<text>` with whatever system fonts the machine has (a fresh
 * CI machine may have none), so the same build would give different pictures. Outlines also
 * mean no data string ever reaches the SVG markup: a title becomes numbers and path commands.
 *
 * Pure: fonts are passed in (`fonts.ts` loads them from the font package).
 */
import type { Font, Path } from 'opentype.js';

/** Fonts in fallback order: the first one that has a character draws it. */
export interface FontStack {
	fontFor(char: string): Font;
}

const ELLIPSIS = '…';
/** More than two lines of a 1200 px card ever hold: longer input is cut before measuring. */
const MAX_CODEPOINTS = 400;
const RENDER_OPTIONS = { kerning: true } as const;

/**
 * Text as one line of plain words: whitespace runs become one space; control, format
 * (bidi overrides, zero-width) and unpaired surrogate characters are dropped.
 */
export function cleanText(text: string): string {
	const chars = Array.from(text.replace(/\s+/gu, ' ').trim()).filter(
		(c) => !/[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/u.test(c)
	);
	return chars.slice(0, MAX_CODEPOINTS).join('').trim();
}

interface Run {
	font: Font;
	text: string;
}

/** Split text into runs drawn by one font each (by code point, not UTF-16 unit). */
function runsOf(stack: FontStack, text: string): Run[] {
	const runs: Run[] = [];
	for (const char of text) {
		const font = stack.fontFor(char);
		const last = runs[runs.length - 1];
		if (last && last.font === font) last.text += char;
		else runs.push({ font, text: char });
	}
	return runs;
}

/** Advance width of a line of text, in px at `size`. */
export function measureText(stack: FontStack, text: string, size: number): number {
	let width = 0;
	for (const run of runsOf(stack, text)) {
		width += run.font.getAdvanceWidth(run.text, size, RENDER_OPTIONS);
	}
	return width;
}

/** SVG path data for one line of text with its baseline starting at (x, y). */
export function textPathData(
	stack: FontStack,
	text: string,
	x: number,
	y: number,
	size: number
): string {
	let cursor = x;
	const parts: string[] = [];
	for (const run of runsOf(stack, text)) {
		const d = pathData(run.font.getPath(run.text, cursor, y, size, RENDER_OPTIONS));
		if (d) parts.push(d);
		cursor += run.font.getAdvanceWidth(run.text, size, RENDER_OPTIONS);
	}
	return parts.join('');
}

/** One decimal: a tenth of a pixel is finer than the rasteriser's anti-aliasing. */
function num(v: number): string {
	const r = Math.round(v * 10) / 10;
	return Number.isFinite(r) ? String(r === 0 ? 0 : r) : '0';
}

/**
 * SVG path data of an outline. Not opentype.js' `toPathData`: its rounding turns values
 * a hair off an integer (1069.0000000000001) into "NaN", which ends the path there.
 */
export function pathData(path: Path): string {
	let d = '';
	for (const c of path.commands) {
		switch (c.type) {
			case 'M':
			case 'L':
				d += `${c.type}${num(c.x)} ${num(c.y)}`;
				break;
			case 'Q':
				d += `Q${num(c.x1)} ${num(c.y1)} ${num(c.x)} ${num(c.y)}`;
				break;
			case 'C':
				d += `C${num(c.x1)} ${num(c.y1)} ${num(c.x2)} ${num(c.y2)} ${num(c.x)} ${num(c.y)}`;
				break;
			case 'Z':
				d += 'Z';
				break;
		}
	}
	return d;
}

/** Text cut to fit `maxWidth`, with an ellipsis when anything was cut. */
export function fitLine(stack: FontStack, text: string, size: number, maxWidth: number): string {
	const clean = cleanText(text);
	if (measureText(stack, clean, size) <= maxWidth) return clean;
	const chars = Array.from(clean);
	// Binary search for the longest prefix that fits with the ellipsis.
	let lo = 0;
	let hi = chars.length;
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		const candidate = trimForEllipsis(chars.slice(0, mid).join('')) + ELLIPSIS;
		if (measureText(stack, candidate, size) <= maxWidth) lo = mid;
		else hi = mid - 1;
	}
	const head = trimForEllipsis(chars.slice(0, lo).join(''));
	// Prefer ending at a word when that loses little.
	const space = head.lastIndexOf(' ');
	const cut = space > head.length * 0.7 ? trimForEllipsis(head.slice(0, space)) : head;
	return cut + ELLIPSIS;
}

function trimForEllipsis(text: string): string {
	return text.replace(/[\s,;:.\-–—]+$/u, '');
}

/** Where a line may break: before a space, or after a hyphen, dash or slash. */
function breakOpportunities(text: string): number[] {
	const at: number[] = [];
	for (let i = 1; i < text.length; i++) {
		if (text[i] === ' ') at.push(i);
		else if ('-–—/'.includes(text[i - 1]) && text[i - 1] !== text[i]) at.push(i);
	}
	return at;
}

/**
 * Greedy line breaking into at most `maxLines` lines of `maxWidth`; the last line ends with
 * an ellipsis when the text does not fit. A word longer than a line is broken inside.
 */
export function wrapText(
	stack: FontStack,
	text: string,
	size: number,
	maxWidth: number,
	maxLines: number
): string[] {
	const lines: string[] = [];
	let rest = cleanText(text);
	while (rest && lines.length < maxLines) {
		if (lines.length === maxLines - 1 || measureText(stack, rest, size) <= maxWidth) {
			lines.push(fitLine(stack, rest, size, maxWidth));
			break;
		}
		let cut = 0;
		for (const at of breakOpportunities(rest)) {
			if (measureText(stack, rest.slice(0, at).trimEnd(), size) > maxWidth) break;
			cut = at;
		}
		if (cut === 0) {
			// No break fits: break the first word where it overflows (at least one character).
			const chars = Array.from(rest);
			let n = 1;
			while (
				n < chars.length &&
				measureText(stack, chars.slice(0, n + 1).join(''), size) <= maxWidth
			)
				n++;
			cut = chars.slice(0, n).join('').length;
		}
		lines.push(rest.slice(0, cut).trimEnd());
		rest = rest.slice(cut).trimStart();
	}
	return lines;
}
