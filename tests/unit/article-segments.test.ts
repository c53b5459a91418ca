import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findRange, resolveOverlaps, runs, type LinkRange } from '../../src/lib/article/segments';

const text = 'Speaking after a working dinner in the Kremlin with Putin, Hollande said.';
const link = (quote: string, featureId: string, priority = 0): LinkRange => ({
	...findRange(text, quote)!,
	featureId,
	eventId: 'e',
	priority
});

describe('findRange', () => {
	it('finds the first exact occurrence', () => {
		expect(findRange(text, 'Kremlin')).toEqual({ start: 39, end: 46 });
		expect(findRange(text, 'kremlin')).toBeNull();
		expect(findRange(text, '')).toBeNull();
	});
});

describe('resolveOverlaps', () => {
	it('prefers priority, then the shorter range', () => {
		const kept = resolveOverlaps([
			link('a working dinner in the Kremlin', 'talks'),
			link('Kremlin', 'kremlin-place', 1),
			link('Putin', 'putin')
		]);
		expect(kept.map((k) => k.featureId)).toEqual(['kremlin-place', 'putin']);
	});
	it('keeps the shorter of two equal-priority overlaps', () => {
		const kept = resolveOverlaps([link('dinner in the Kremlin', 'a'), link('the Kremlin', 'b')]);
		expect(kept.map((k) => k.featureId)).toEqual(['b']);
	});
});

describe('runs', () => {
	it('joins back into the original text, with links and marks where asked', () => {
		const r = runs(text, [link('Kremlin', 'k')], findRange(text, 'dinner in the Kremlin'));
		expect(r.map((x) => x.parts.map((p) => p.text).join('')).join('')).toBe(text);
		const linked = r.filter((x) => x.link);
		expect(linked).toHaveLength(1);
		expect(linked[0].parts).toEqual([{ text: 'Kremlin', mark: true }]);
		const marked = r
			.flatMap((x) => x.parts)
			.filter((p) => p.mark)
			.map((p) => p.text)
			.join('');
		expect(marked).toBe('dinner in the Kremlin');
	});
	it('keeps a link that the mark splits as one run', () => {
		const r = runs(text, [link('dinner in the Kremlin', 'k')], findRange(text, 'Kremlin with'));
		const linked = r.filter((x) => x.link);
		expect(linked).toHaveLength(1);
		expect(linked[0].parts).toEqual([
			{ text: 'dinner in the ', mark: false },
			{ text: 'Kremlin', mark: true }
		]);
	});
	it('never loses or duplicates text, whatever the ranges (property)', () => {
		fc.assert(
			fc.property(
				fc.string({ maxLength: 60 }),
				fc.array(fc.tuple(fc.nat(70), fc.nat(70), fc.nat(2)), { maxLength: 6 }),
				fc.option(fc.tuple(fc.nat(70), fc.nat(70))),
				(t, raw, m) => {
					const links = raw.map(([a, b, p], i) => ({
						start: Math.min(a, b, t.length),
						end: Math.min(Math.max(a, b), t.length),
						featureId: `f${i}`,
						eventId: 'e',
						priority: p
					}));
					const mark = m ? { start: Math.min(...m), end: Math.max(...m) } : null;
					const r = runs(t, links, mark);
					expect(r.map((x) => x.parts.map((p) => p.text).join('')).join('')).toBe(t);
					const ids = r.filter((x) => x.link).map((x) => x.link!.featureId);
					expect(new Set(ids).size).toBe(ids.length);
				}
			),
			{ numRuns: 500 }
		);
	});
});
