import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCount, formatStoryDate } from '../../src/lib/ui/format';
import { firstWords, formatKm, precisionInWords, safeHttpUrl } from '../../src/lib/ui/popup-format';

describe('formatStoryDate', () => {
	it.each([
		['2015-11-13', '13 Nov 2015'],
		['2015-11', 'Nov 2015'],
		['2015', '2015'],
		['2015-09-30/2015-11-27', '30 Sep – 27 Nov 2015'],
		['2015-11-20/2015-11-27', '20–27 Nov 2015'],
		['2015-11-20/2015-11-20', '20 Nov 2015'],
		['2015-11/2015-12', 'Nov – Dec 2015'],
		['2014-12-30/2015-01-02', '30 Dec 2014 – 2 Jan 2015'],
		['2015-09-30/..', 'from 30 Sep 2015, ongoing'],
		['../2015-11-27', 'until 27 Nov 2015']
	])('%s → %s', (input, expected) => expect(formatStoryDate(input)).toBe(expected));
});

describe('precisionInWords', () => {
	it('says how sure a place is', () => {
		expect(precisionInWords({ precision: 'exact' })).toBe('exact');
		expect(precisionInWords({ precision: 'approximate', uncertaintyKm: 10 })).toBe(
			'approximate, within 10 km'
		);
		expect(precisionInWords({ precision: 'approximate', uncertaintyKm: 0.5 })).toBe(
			'approximate, within 0.5 km'
		);
		expect(
			precisionInWords({ precision: 'disputed', label: 'Turkish account', uncertaintyKm: 3 })
		).toBe('disputed: Turkish account, within 3 km');
		expect(precisionInWords({ precision: 'disputed', claimedBy: 'X' })).toBe(
			'disputed: claimed by X'
		);
	});
});

describe('safeHttpUrl', () => {
	it('keeps web links and drops everything else', () => {
		expect(safeHttpUrl('https://en.wikipedia.org/wiki/Bataclan_(theatre)')).toBe(
			'https://en.wikipedia.org/wiki/Bataclan_(theatre)'
		);
		expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
		expect(safeHttpUrl(' JAVASCRIPT:alert(1)')).toBeNull();
		expect(safeHttpUrl('data:text/html,<script>')).toBeNull();
		expect(safeHttpUrl('/relative')).toBeNull();
		expect(safeHttpUrl(undefined)).toBeNull();
	});
});

describe('formatKm and firstWords', () => {
	it('reads well', () => {
		expect(formatKm(4.26)).toBe('4.3 km');
		expect(formatKm(1234.4)).toBe('1,234 km');
		expect(formatKm(3)).toBe('3 km');
		expect(firstWords('France and Russia will exchange intelligence on Islamic State', 5)).toBe(
			'France and Russia will exchange…'
		);
		expect(firstWords('Short one.')).toBe('Short one.');
	});
});

describe('formatCount', () => {
	it('writes thousands with commas, small counts as they are', () => {
		expect(formatCount(8)).toBe('8');
		expect(formatCount(1000)).toBe('1,000');
		expect(formatCount(100_000)).toBe('100,000');
		expect(formatCount(-1234)).toBe('-1,234');
		expect(formatCount(-0)).toBe('-0');
	});

	it('says what Intl says, for any count (property)', () => {
		fc.assert(
			fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double()), (n) => {
				expect(formatCount(n)).toBe(n.toLocaleString('en'));
			})
		);
	});
});
