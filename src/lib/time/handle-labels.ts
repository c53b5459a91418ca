/**
 * Where the timeline writes the dates of its two handles. Each label sits outside its handle
 * (the start's to the left, the end's to the right), pushed back onto the strip at its edges;
 * when the two would touch, one label names the whole window ("20–27 Nov 2015") centred
 * between the handles. Pure: the component passes the strip's width and a way to measure
 * text, so the same layout is tested here at any width.
 */
import { formatStoryDate } from '$lib/ui/format';
import { position, type Domain } from './timeline';

export interface HandleLabel {
	/** Which handle it names, or both ('window') when merged. */
	for: 'from' | 'to' | 'window';
	text: string;
	/** Left edge and width in pixels from the strip's left edge. */
	left: number;
	width: number;
}

/** Space kept between two labels, in pixels. */
export const LABEL_GAP = 6;
/** How far a label reaches past its handle's centre towards the window, in pixels. */
const OVERHANG = 4;

/** A box of `width` starting at `left`, moved as little as possible to lie in [0, strip]. */
function clampBox(left: number, width: number, strip: number): number {
	if (width >= strip) return (strip - width) / 2;
	return Math.min(Math.max(left, 0), strip - width);
}

/**
 * The labels for a window `{from, to}` (inclusive days within `domain`) on a strip `strip`
 * pixels wide. `measure` gives a text's width in pixels as the page draws it.
 */
export function handleLabels(
	window: { from: string; to: string },
	domain: Domain,
	strip: number,
	measure: (text: string) => number
): HandleLabel[] {
	const x = (day: string) => position(day, domain) * strip;
	const [fromX, toX] = [x(window.from), x(window.to)];
	const label = (which: HandleLabel['for'], text: string, left: number): HandleLabel => {
		const width = measure(text);
		return { for: which, text, left: clampBox(left, width, strip), width };
	};
	const merged = () => {
		const text = formatStoryDate(
			window.from === window.to ? window.from : `${window.from}/${window.to}`
		);
		return [label('window', text, (fromX + toX) / 2 - measure(text) / 2)];
	};
	if (window.from === window.to) return merged();
	const fromText = formatStoryDate(window.from);
	const from = label('from', fromText, fromX + OVERHANG - measure(fromText));
	const to = label('to', formatStoryDate(window.to), toX - OVERHANG);
	return from.left + from.width + LABEL_GAP > to.left ? merged() : [from, to];
}

/** True when no two labels overlap (with the gap) and each lies within the strip. */
export function labelsFit(labels: readonly HandleLabel[], strip: number): boolean {
	const sorted = [...labels].sort((a, b) => a.left - b.left);
	return sorted.every(
		(l, i) =>
			(l.width > strip || (l.left >= -1e-9 && l.left + l.width <= strip + 1e-9)) &&
			(i === 0 || sorted[i - 1].left + sorted[i - 1].width + LABEL_GAP <= l.left + 1e-9)
	);
}
