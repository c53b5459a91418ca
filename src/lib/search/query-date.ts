/**
 * Dates typed into the search box: "2015-11-13", "13 Nov", "13 November 2015", "Nov 13",
 * "November 13, 2015". Without a year, the story's year. The date is taken out of the query
 * and found as a day (`YYYY-MM-DD`); the rest is searched as words.
 */
import { daysInMonth } from '$lib/story/dates';

const MONTHS = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
];

/** A month's number (1–12) from its English name or a prefix of three letters or more. */
function monthOf(word: string): number | undefined {
	const w = word.toLowerCase().replace(/\.$/, '');
	if (w.length < 3) return undefined;
	const i = MONTHS.findIndex((m) => m.startsWith(w));
	return i >= 0 ? i + 1 : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

function day(year: number, month: number, d: number): string | undefined {
	if (month < 1 || month > 12 || d < 1 || d > daysInMonth(year, month)) return undefined;
	return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(d)}`;
}

const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const DAY_MONTH = /(?:^|\s)(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,}\.?)(?:,?\s+(\d{4}))?(?=\s|$)/i;
const MONTH_DAY = /(?:^|\s)([a-z]{3,}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?(?=\s|,|$)/i;

/** The day a query names, if any, and the query without it. */
export function extractDate(query: string, year: number): { day?: string; rest: string } {
	const iso = ISO.exec(query);
	if (iso) {
		const d = day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
		if (d) return { day: d, rest: cut(query, iso.index, iso[0].length) };
	}
	const dm = DAY_MONTH.exec(query);
	if (dm) {
		const month = monthOf(dm[2]);
		const d = month && day(dm[3] ? Number(dm[3]) : year, month, Number(dm[1]));
		if (d) return { day: d, rest: cut(query, dm.index, dm[0].length) };
	}
	const md = MONTH_DAY.exec(query);
	if (md) {
		const month = monthOf(md[1]);
		const d = month && day(md[3] ? Number(md[3]) : year, month, Number(md[2]));
		if (d) return { day: d, rest: cut(query, md.index, md[0].length) };
	}
	return { rest: query };
}

const cut = (s: string, at: number, length: number) =>
	`${s.slice(0, at)} ${s.slice(at + length)}`.replace(/\s+/g, ' ').trim();
