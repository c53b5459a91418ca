import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	FIRST_PAGE,
	PAGE_SIZE,
	earlierLabel,
	moreLabel,
	rowsToRender,
	sameItems,
	startsWith
} from '../../src/lib/ui/paging';

describe('rowsToRender', () => {
	it('renders a short list whole, and a long one a page at a time', () => {
		expect(rowsToRender(8, FIRST_PAGE, -1)).toEqual({ from: 0, to: 8 });
		expect(rowsToRender(8, FIRST_PAGE, 7)).toEqual({ from: 0, to: 8 });
		expect(rowsToRender(100_000, FIRST_PAGE, -1)).toEqual({ from: 0, to: 100 });
		expect(rowsToRender(0, FIRST_PAGE, -1)).toEqual({ from: 0, to: 0 });
	});
	it('extends the rows to a selection in the next page, and shows a far one on its own page', () => {
		expect(rowsToRender(1000, FIRST_PAGE, 99)).toEqual({ from: 0, to: 100 });
		expect(rowsToRender(1000, FIRST_PAGE, 150)).toEqual({ from: 0, to: 200 });
		expect(rowsToRender(1000, FIRST_PAGE, 650)).toEqual({ from: 600, to: 700 });
		expect(rowsToRender(1000, { from: 600, to: 700 }, 550)).toEqual({ from: 500, to: 700 });
		expect(rowsToRender(1000, { from: 600, to: 700 }, 5)).toEqual({ from: 0, to: 100 });
		expect(rowsToRender(950, FIRST_PAGE, 949)).toEqual({ from: 900, to: 950 });
	});

	const cases = fc
		.record({
			total: fc.integer({ min: 0, max: 5000 }),
			from: fc.integer({ min: 0, max: 5000 }),
			size: fc.integer({ min: 0, max: 1000 }),
			selected: fc.integer({ min: -1, max: 5000 }),
			page: fc.integer({ min: 1, max: 300 })
		})
		.map((c) => ({ ...c, asked: { from: c.from, to: c.from + c.size } }));

	it('always holds the selected row, and renders at most a page more than was asked for (property)', () => {
		fc.assert(
			fc.property(cases, ({ total, asked, selected, page }) => {
				const r = rowsToRender(total, asked, selected, page);
				expect(0 <= r.from && r.from <= r.to && r.to <= total).toBe(true);
				if (selected >= 0 && selected < total) {
					expect(r.from <= selected && selected < r.to).toBe(true);
				}
				expect(r.to - r.from).toBeLessThanOrEqual(asked.to - asked.from + page);
			})
		);
	});

	it('renders what was asked for when the selection is in it or absent (property)', () => {
		fc.assert(
			fc.property(cases, ({ total, asked, selected, page }) => {
				fc.pre(
					selected < 0 || selected >= total || (asked.from <= selected && selected < asked.to)
				);
				const r = rowsToRender(total, asked, selected, page);
				const from = Math.min(asked.from, total);
				expect(r).toEqual({ from, to: Math.max(from, Math.min(asked.to, total)) });
			})
		);
	});
});

describe('labels', () => {
	it('say how many rows a press adds, and how many remain', () => {
		expect(moreLabel(99_900)).toBe('Show 100 more (99,900 left)');
		expect(moreLabel(37)).toBe('Show 37 more (37 left)');
		expect(earlierLabel(600)).toBe('Show 100 earlier (600 before)');
		expect(earlierLabel(4_200)).toBe('Show 100 earlier (4,200 before)');
		expect(earlierLabel(PAGE_SIZE)).toBe('Show 100 earlier (100 before)');
	});
});

describe('sameItems', () => {
	it('compares lists item by item', () => {
		const a = { id: 'a' };
		const b = { id: 'b' };
		expect(sameItems([a, b], [a, b])).toBe(true);
		expect(sameItems([a, b], [b, a])).toBe(false);
		expect(sameItems([a], [a, b])).toBe(false);
		expect(sameItems([{ id: 'a' }], [{ id: 'a' }])).toBe(false);
		expect(sameItems([], [])).toBe(true);
	});
});

describe('startsWith', () => {
	it('says whether a list only grew at its end (a paged list’s next file)', () => {
		const [a, b, c] = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
		expect(startsWith([a, b, c], [a, b])).toBe(true);
		expect(startsWith([a, b], [a, b])).toBe(true);
		expect(startsWith([a, b], [])).toBe(true);
		expect(startsWith([a, c, b], [a, b])).toBe(false);
		expect(startsWith([a], [a, b])).toBe(false);
		expect(startsWith([{ id: 'a' }, b], [a, b])).toBe(false);
	});
});
