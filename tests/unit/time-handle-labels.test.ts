import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { handleLabels, labelsFit, LABEL_GAP } from '../../src/lib/time/handle-labels';
import { addDays, dayIndex } from '../../src/lib/time/window';

/** The Reuters story's strip: 27 Sep – 30 Nov 2015. */
const domain = { start: '2015-09-27', end: '2015-11-30' };
/** Widths of 0.7rem Noto Sans text, about 6.2 px a character (measured: "20 Nov 2015" is 66 px). */
const measure = (text: string) => text.length * 6.2;
/** The strip on a 360 px phone (the Play button and paddings take the rest), and on a desktop. */
const PHONE = 230;
const DESKTOP = 900;

describe('handleLabels', () => {
	it('names a one-day window once', () => {
		for (const strip of [PHONE, DESKTOP]) {
			const labels = handleLabels({ from: '2015-11-20', to: '2015-11-20' }, domain, strip, measure);
			expect(labels.map((l) => [l.for, l.text])).toEqual([['window', '20 Nov 2015']]);
			expect(labelsFit(labels, strip)).toBe(true);
		}
	});

	it('writes a week apart on a desktop, each date outside its handle', () => {
		const w = { from: '2015-10-20', to: '2015-10-27' };
		const labels = handleLabels(w, domain, DESKTOP, measure);
		expect(labels.map((l) => l.text)).toEqual(['20 Oct 2015', '27 Oct 2015']);
		expect(labelsFit(labels, DESKTOP)).toBe(true);
		const x = (day: string) =>
			((dayIndex(day) - dayIndex(domain.start)) / (dayIndex(domain.end) - dayIndex(domain.start))) *
			DESKTOP;
		expect(labels[0].left + labels[0].width).toBeLessThanOrEqual(x(w.from) + 4);
		expect(labels[1].left).toBeGreaterThanOrEqual(x(w.to) - 4);
	});

	it('pulls a label back onto the strip near its end', () => {
		const labels = handleLabels({ from: '2015-11-20', to: '2015-11-29' }, domain, DESKTOP, measure);
		expect(labels.map((l) => l.text)).toEqual(['20 Nov 2015', '29 Nov 2015']);
		expect(labels[1].left + labels[1].width).toBeCloseTo(DESKTOP);
	});

	it('merges a short window on a phone into one label ("20–22 Nov 2015")', () => {
		const labels = handleLabels({ from: '2015-11-20', to: '2015-11-22' }, domain, PHONE, measure);
		expect(labels.map((l) => [l.for, l.text])).toEqual([['window', '20–22 Nov 2015']]);
		expect(labelsFit(labels, PHONE)).toBe(true);
	});

	it('keeps a week on a phone readable: apart or merged, never overlapping', () => {
		const labels = handleLabels({ from: '2015-11-20', to: '2015-11-27' }, domain, PHONE, measure);
		expect(labelsFit(labels, PHONE)).toBe(true);
		expect(labels.map((l) => l.text).join(' ')).toMatch(/20.*27 Nov 2015/);
	});

	it('puts the full window’s labels at the two ends of the strip', () => {
		for (const strip of [PHONE, DESKTOP]) {
			const labels = handleLabels({ from: domain.start, to: domain.end }, domain, strip, measure);
			expect(labels.map((l) => l.text)).toEqual(['27 Sep 2015', '30 Nov 2015']);
			expect(labels[0].left).toBe(0);
			expect(labels[1].left + labels[1].width).toBeCloseTo(strip);
		}
	});

	it('a window across months says both months when merged', () => {
		const labels = handleLabels({ from: '2015-10-31', to: '2015-11-01' }, domain, PHONE, measure);
		expect(labels.map((l) => l.text)).toEqual(['31 Oct – 1 Nov 2015']);
	});

	it('never overlaps and never leaves the strip, for any window and width', () => {
		const span = dayIndex(domain.end) - dayIndex(domain.start);
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: span }),
				fc.integer({ min: 0, max: span }),
				fc.integer({ min: 120, max: 2000 }),
				(a, b, strip) => {
					const [from, to] = [a, b].sort((x, y) => x - y).map((d) => addDays(domain.start, d));
					const labels = handleLabels({ from, to }, domain, strip, measure);
					expect(labelsFit(labels, strip)).toBe(true);
					// Two labels only when there is room for both with the gap between them.
					if (labels.length === 2) {
						expect(labels[0].left + labels[0].width + LABEL_GAP).toBeLessThanOrEqual(
							labels[1].left + 1e-9
						);
					}
				}
			),
			{ numRuns: 2000 }
		);
	});
});
