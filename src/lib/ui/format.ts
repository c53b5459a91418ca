/**
 * Words for readers: dates, precision, distances. Pure, so popups, the event list and the
 * event pages all say the same thing the same way.
 */
import type { CompiledProperties } from '$lib/story/compiled';
import { firstWords as words } from '$lib/story/passages';

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

/** Kilometres for reading: 1 decimal under 10 km, whole kilometres above. */
/** A count with thousands separators, as the article's English would write it: 100,000. */
export function formatCount(n: number): string {
	return n.toLocaleString('en');
}

export function formatKm(km: number): string {
	if (!Number.isFinite(km)) return '';
	const value = km < 10 ? String(Math.round(km * 10) / 10) : Math.round(km).toLocaleString('en-GB');
	return `${value} km`;
}

/** How sure the location is, in words: "exact", "approximate, within 10 km", "disputed: Turkish account". */
export function precisionInWords(
	p: Pick<CompiledProperties, 'precision' | 'uncertaintyKm' | 'label' | 'claimedBy'>
): string {
	const within = p.uncertaintyKm ? `within ${formatKm(p.uncertaintyKm)}` : '';
	switch (p.precision) {
		case 'exact':
			return 'exact';
		case 'approximate':
			return within ? `approximate, ${within}` : 'approximate';
		case 'disputed': {
			const whose = p.label ?? (p.claimedBy ? `claimed by ${p.claimedBy}` : '');
			const parts = [whose, within].filter(Boolean).join(', ');
			return parts ? `disputed: ${parts}` : 'disputed';
		}
	}
}

/** Only web links become `<a href>`: anything else in the data (javascript:, data:) stays text. */
export function safeHttpUrl(url: string | undefined): string | null {
	if (!url) return null;
	try {
		const u = new URL(url);
		return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
	} catch {
		return null;
	}
}

/** The first `n` words of a passage, with an ellipsis when cut. */
export function firstWords(text: string, n = 6): string {
	const head = words(text, n);
	return head.length < text.trim().replace(/\s+/g, ' ').length ? `${head}…` : head;
}
