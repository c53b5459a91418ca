/**
 * The event list in pages: a story of 100,000 events lists a hundred of them and buttons for
 * more, not 100,000 buttons (rendering those is a long task of several seconds). Pure, so the
 * list's arithmetic is tested without a browser.
 */
import { formatCount } from './format';

/** Rows added at a time. */
export const PAGE_SIZE = 100;

/** A run of rows of the list: `from` inclusive, `to` exclusive. */
export interface Rows {
	from: number;
	to: number;
}

export const FIRST_PAGE: Rows = { from: 0, to: PAGE_SIZE };

/**
 * The rows to render: those asked for, and always the selected one, so that it is on the
 * page with its `aria-current`. A selection just past the rows asked for (in the page next to
 * them) extends them; one further away shows its own page instead. Extending the rows all the
 * way to it would render tens of thousands of them for a marker clicked on the map, or in the
 * prerendered page of a late event.
 */
export function rowsToRender(
	total: number,
	asked: Rows,
	selectedIndex: number,
	page = PAGE_SIZE
): Rows {
	const clamp = (r: Rows): Rows => {
		const from = Math.max(0, Math.min(r.from, total));
		return { from, to: Math.max(from, Math.min(r.to, total)) };
	};
	if (selectedIndex < 0 || selectedIndex >= total) return clamp(asked);
	if (selectedIndex >= asked.from && selectedIndex < asked.to) return clamp(asked);
	const start = Math.floor(selectedIndex / page) * page;
	const end = start + page;
	if (start <= asked.to && end >= asked.from) {
		return clamp({ from: Math.min(asked.from, start), to: Math.max(asked.to, end) });
	}
	return clamp({ from: start, to: end });
}

/** The button that adds rows after: "Show 100 more (99,900 left)". */
export function moreLabel(left: number, page = PAGE_SIZE): string {
	return `Show ${Math.min(page, left)} more (${formatCount(left)} left)`;
}

/** The button that adds rows before: "Show 100 earlier (4,200 before)". */
export function earlierLabel(before: number, page = PAGE_SIZE): string {
	return `Show ${Math.min(page, before)} earlier (${formatCount(before)} before)`;
}

/** Whether two lists hold the same items in the same order. */
export const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean =>
	a.length === b.length && startsWith(a, b);

/** Whether `list` begins with the items of `head`, in order (a list that only grew at its end). */
export function startsWith<T>(list: readonly T[], head: readonly T[]): boolean {
	if (list === head) return true;
	if (head.length > list.length) return false;
	for (let i = 0; i < head.length; i++) if (list[i] !== head[i]) return false;
	return true;
}
