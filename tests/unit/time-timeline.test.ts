import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	moveHandle,
	place,
	position,
	setHandle,
	timelineDomain,
	windowIn,
	windowSummary
} from '../../src/lib/time/timeline';
import { addDays } from '../../src/lib/time/window';

const events = [
	{ id: 'oil', date: '2015/2015-11-27', start: '2015-01-01', end: '2015-11-27' },
	{ id: 'air', date: '2015-09-30/2015-11-27', start: '2015-09-30', end: '2015-11-27' },
	{ id: 'sinai', date: '2015-10-31', start: '2015-10-31', end: '2015-10-31' },
	{ id: 'kremlin', date: '2015-11-26', start: '2015-11-26', end: '2015-11-26' }
];
const domain = timelineDomain(events, '2015-11-27');

describe('timelineDomain', () => {
	it('starts at the earliest day-precise event, not at a year-precise one', () => {
		expect(domain).toEqual({ start: '2015-09-27', end: '2015-11-30' });
	});
	it('falls back to coarse dates when nothing is precise', () => {
		expect(timelineDomain([events[0]], '2015-11-27', 0)).toEqual({
			start: '2015-01-01',
			end: '2015-11-27'
		});
	});
	it('reaches an open-ended event to the article day', () => {
		const d = timelineDomain(
			[{ date: '2015-11-01/..', start: '2015-11-01', end: null }],
			'2015-11-27',
			0
		);
		expect(d).toEqual({ start: '2015-11-01', end: '2015-11-27' });
	});
});

describe('place', () => {
	it('puts days as marks and spans as bands, clipped where they run off', () => {
		expect(place(events[2], domain, '2015-11-27')).toMatchObject({
			band: false,
			clippedLeft: false
		});
		const oil = place(events[0], domain, '2015-11-27');
		expect(oil).toMatchObject({ band: true, left: 0, clippedLeft: true, clippedRight: false });
		expect(position('2015-09-27', domain)).toBe(0);
		expect(position('2015-11-30', domain)).toBe(1);
		expect(position('2020-01-01', domain)).toBe(1);
	});
});

describe('handles', () => {
	it('move by days, stop at the other handle, and open at the edges', () => {
		let w = moveHandle({}, 'from', 1, domain);
		expect(w).toEqual({ from: '2015-09-28', to: undefined });
		w = moveHandle(w, 'from', -1, domain);
		expect(w).toEqual({ from: undefined, to: undefined });
		w = setHandle({ from: '2015-11-20', to: '2015-11-22' }, 'from', '2015-11-25', domain);
		expect(w).toEqual({ from: '2015-11-22', to: '2015-11-22' });
		w = setHandle({ from: '2015-11-20' }, 'to', '2015-11-01', domain);
		expect(w).toEqual({ from: '2015-11-20', to: '2015-11-20' });
	});
	it('always give an ordered window inside the domain (property)', () => {
		const day = fc.integer({ min: -80, max: 80 }).map((n) => addDays('2015-10-31', n));
		fc.assert(
			fc.property(
				fc.record({
					from: fc.option(day, { nil: undefined }),
					to: fc.option(day, { nil: undefined })
				}),
				fc.constantFrom<'from' | 'to'>('from', 'to'),
				fc.integer({ min: -100, max: 100 }),
				(w, handle, n) => {
					const next = windowIn(moveHandle(w, handle, n, domain), domain);
					expect(next.from <= next.to).toBe(true);
					expect(next.from >= domain.start && next.to <= domain.end).toBe(true);
				}
			),
			{ numRuns: 2000 }
		);
	});
});

describe('windowSummary', () => {
	const domain = { start: '2015-09-20', end: '2015-12-04' };
	it('says the window as the timeline does: all dates, or its ends, and the events in it', () => {
		expect(windowSummary({}, domain, 8)).toBe('All dates: 8 events');
		expect(windowSummary({ from: '2015-11-20', to: '2015-11-27' }, domain, 6)).toBe(
			'20 Nov 2015 to 27 Nov 2015: 6 events'
		);
		expect(windowSummary({ from: '2015-11-24' }, domain, 1)).toBe(
			'24 Nov 2015 to 4 Dec 2015: 1 event'
		);
		expect(windowSummary({}, domain, 12_345)).toBe('All dates: 12,345 events');
	});
});
