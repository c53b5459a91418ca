/**
 * The timeline's number line: which days it covers and where each event sits on it.
 * Pure, so the Timeline component only draws what this computes.
 */
import type { CompiledEvent } from '$lib/story/compiled';
import { formatCount, formatStoryDate } from '$lib/ui/format';
import { addDays, dayIndex, type TimeWindow } from './window';

export interface Domain {
	/** First and last day shown (YYYY-MM-DD), inclusive. */
	start: string;
	end: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The days the strip covers: from the earliest event given to the day, to the article's day
 * (or the latest end), with a little room either side. Events known only to the month or
 * year (an allegation "since 2015") would stretch the strip over months of nothing, so they
 * do not set its start: they run off its edge instead.
 */
export function timelineDomain(
	events: readonly { date: string; start: string; end: string | null }[],
	articleDate: string,
	padDays = 3
): Domain {
	const precise = events.filter((e) => DAY.test(e.date.split('/')[0]));
	const starts = (precise.length ? precise : events).map((e) => e.start);
	const ends = events.map((e) => e.end ?? articleDate).concat(articleDate);
	const first = starts.reduce((a, b) => (b < a ? b : a), articleDate);
	const last = ends.reduce((a, b) => (b > a ? b : a), articleDate);
	return { start: addDays(first, -padDays), end: addDays(last, padDays) };
}

/** Where a day sits on the strip, 0 (start) to 1 (end), clamped. */
export function position(day: string, domain: Domain): number {
	const span = dayIndex(domain.end) - dayIndex(domain.start);
	if (span <= 0) return 0;
	return Math.min(1, Math.max(0, (dayIndex(day) - dayIndex(domain.start)) / span));
}

/** An event on the strip: a mark for a day, a band for a span; clipped where it runs off. */
export interface Placed {
	id: string;
	left: number;
	right: number;
	band: boolean;
	clippedLeft: boolean;
	clippedRight: boolean;
}

export function place(
	event: Pick<CompiledEvent, 'id' | 'start' | 'end'>,
	domain: Domain,
	articleDate: string
): Placed {
	const end = event.end ?? articleDate;
	return {
		id: event.id,
		left: position(event.start, domain),
		right: position(end, domain),
		band: event.start !== end,
		clippedLeft: event.start < domain.start,
		clippedRight: end > domain.end
	};
}

/** The window with its ends clamped into the domain and in order; missing ends become the domain's. */
export function windowIn(window: TimeWindow, domain: Domain): Required<TimeWindow> {
	const clamp = (d: string) => (d < domain.start ? domain.start : d > domain.end ? domain.end : d);
	const from = clamp(window.from ?? domain.start);
	const to = clamp(window.to ?? domain.end);
	return from <= to ? { from, to } : { from: to, to: from };
}

/**
 * The window with one handle set to a day, never crossing the other handle or leaving the
 * domain. An end that reaches the domain's edge becomes open again (`undefined`), so a
 * window dragged back to the full strip is "no window" and leaves the link.
 */
export function setHandle(
	window: TimeWindow,
	handle: 'from' | 'to',
	day: string,
	domain: Domain
): TimeWindow {
	const w = windowIn(window, domain);
	let d = day < domain.start ? domain.start : day > domain.end ? domain.end : day;
	if (handle === 'from' && d > w.to) d = w.to;
	if (handle === 'to' && d < w.from) d = w.from;
	const next = { ...w, [handle]: d };
	return {
		from: next.from <= domain.start ? undefined : next.from,
		to: next.to >= domain.end ? undefined : next.to
	};
}

/** The window after moving one handle by `days` (arrow keys: one day; Page keys: a week). */
export function moveHandle(
	window: TimeWindow,
	handle: 'from' | 'to',
	days: number,
	domain: Domain
): TimeWindow {
	return setHandle(window, handle, addDays(windowIn(window, domain)[handle], days), domain);
}

/**
 * The window in words, as the timeline says it under its strip (and the picture of the view
 * over the map): "All dates: 8 events", "20 Nov 2015 to 27 Nov 2015: 6 events".
 */
export function windowSummary(window: TimeWindow, domain: Domain, shown: number): string {
	if (window.from === undefined && window.to === undefined) {
		return `All dates: ${formatCount(shown)} events`;
	}
	const w = windowIn(window, domain);
	const events = `${formatCount(shown)} ${shown === 1 ? 'event' : 'events'}`;
	return `${formatStoryDate(w.from)} to ${formatStoryDate(w.to)}: ${events}`;
}
