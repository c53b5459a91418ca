/**
 * Words for readers: dates and counts. Pure, so popups, the event list and the event pages
 * all say the same thing the same way. What only popups say (distances, precision, links, a
 * passage's first words) is in `popup-format.ts`: it comes with the popup's code, not the
 * first load.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** One end of a story date: `2015-11-13` → "13 Nov 2015", `2015-11` → "Nov 2015". */
function formatPoint(d: string): string {
	const [y, m, day] = d.split('-');
	if (!m) return y;
	const month = MONTHS[Number(m) - 1] ?? m;
	return day ? `${Number(day)} ${month} ${y}` : `${month} ${y}`;
}

/**
 * A story date or interval in words: "13 Nov 2015", "20–27 Nov 2015", "30 Sep – 27 Nov 2015",
 * "from 30 Sep 2015".
 */
export function formatStoryDate(date: string): string {
	const [a, b] = date.split('/');
	if (b === undefined) return formatPoint(a);
	if (a === '..') return `until ${formatPoint(b)}`;
	if (b === '..') return `from ${formatPoint(a)}, ongoing`;
	if (a === b) return formatPoint(a);
	const [fa, fb] = [formatPoint(a), formatPoint(b)];
	// Days of one month: say the month once ("20–27 Nov 2015").
	if (a.length === 10 && b.length === 10 && a.slice(0, 7) === b.slice(0, 7)) {
		return `${Number(a.slice(8))}–${fb}`;
	}
	// Same year: say it once ("30 Sep – 27 Nov 2015").
	const ya = a.slice(0, 4);
	if (ya === b.slice(0, 4) && fa.endsWith(ya) && a.length === b.length) {
		return `${fa.slice(0, -5)} – ${fb}`;
	}
	return `${fa} – ${fb}`;
}

/**
 * A count with thousands separators, as the article's English would write it: 100,000.
 * Written out rather than `toLocaleString('en')` (which it equals, tested): the first call
 * of that loads the locale's data, about 100 ms of a phone's first load for a comma.
 */
export function formatCount(n: number): string {
	// Fractions, huge numbers and -0 ("-0" to Intl, "0" to String): Intl's own answer.
	if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en');
	return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
