/**
 * What the timeline strip draws for the events: one mark per day, and bands for ongoing
 * events in a few lanes. The number of shapes depends on the days the strip covers, not on
 * the number of events, so a story of 100,000 events draws a strip, not 100,000 divs.
 * Pure, so the Timeline component only draws what this computes.
 */
import { position, type Domain } from './timeline';

/** Lanes for bands: more would push the strip's height past the map. */
export const BAND_LANES = 8;

/** Narrowest a band is drawn (share of the strip), so a two-day band stays visible. */
export const MIN_BAND_WIDTH = 0.004;

/** Events named in a shared shape's tooltip; the rest are only counted. */
const SAMPLE = 3;

/** What an event needs to be placed: its first and last day (`end` null: ongoing). */
export interface TimelineEvent {
	start: string;
	end: string | null;
	/** How many events it stands for (a paged story's `StorySpan`); 1 when absent. */
	count?: number;
}

/** One shape on the strip, standing for one or more events. */
export interface TimelineMark<E extends TimelineEvent> {
	/** The first of its events, in the order given: its id is the shape's `data-event`. */
	first: E;
	/** Its first few events, `first` first, for the tooltip. */
	sample: E[];
	count: number;
	/** A band (ongoing events) or a mark (a single day). */
	band: boolean;
	lane: number;
	/** Where it starts and ends on the strip, 0 to 1 (equal for a mark). */
	left: number;
	right: number;
	/** Some event of it starts before the strip does. */
	clipped: boolean;
	/** First and last day its events cover (`YYYY-MM-DD`; open ends as the article's day). */
	start: string;
	end: string;
}

export interface TimelineLayout<E extends TimelineEvent> {
	/** In the order of their first events. */
	marks: TimelineMark<E>[];
	/** Lanes used: the band lanes, then one for the marks (at least 1). */
	lanes: number;
	/** For each event (by its index in the list given), the index of the mark it is in. */
	of: Uint32Array;
}

/**
 * Place events on the strip. Events on the same spot (the same day, or the same span) share
 * a shape. Bands get a lane each in order, as long as lanes are left; after that a band goes
 * to the lane that fell free the longest ago before it starts, and when none is free it
 * joins the last band of the lane with the fewest events, which then covers both. So every
 * event is in exactly one shape, and a story with few bands and distinct days is drawn with
 * one shape per event, each band in its own lane.
 */
export function timelineMarks<E extends TimelineEvent>(
	events: readonly E[],
	domain: Domain,
	articleDate: string,
	maxLanes = BAND_LANES
): TimelineLayout<E> {
	// Many events share days: compute each day's position once.
	const positions = new Map<string, number>();
	const pos = (day: string) => {
		let p = positions.get(day);
		if (p === undefined) positions.set(day, (p = position(day, domain)));
		return p;
	};
	const marks: TimelineMark<E>[] = [];
	const of = new Uint32Array(events.length);
	/** Shapes by where they are: `left` for marks, `left right` for bands (as first placed). */
	const days = new Map<number, number>();
	const spans = new Map<string, number>();
	/** Per band lane: where its bands end (drawn), how many events it has, its last band. */
	const laneEnd: number[] = [];
	const laneLoad: number[] = [];
	const laneLast: number[] = [];
	const dayMarks: TimelineMark<E>[] = [];

	const join = (m: TimelineMark<E>, e: E, left: number, right: number, end: string) => {
		m.count += e.count ?? 1;
		if (m.sample.length < SAMPLE) m.sample.push(e);
		m.left = Math.min(m.left, left);
		m.right = Math.max(m.right, right);
		m.clipped ||= e.start < domain.start;
		if (e.start < m.start) m.start = e.start;
		if (end > m.end) m.end = end;
	};
	const add = (e: E, band: boolean, lane: number, left: number, right: number, end: string) =>
		marks.push({
			first: e,
			sample: [e],
			count: e.count ?? 1,
			band,
			lane,
			left,
			right,
			clipped: e.start < domain.start,
			start: e.start,
			end
		}) - 1;

	for (let i = 0; i < events.length; i++) {
		const e = events[i];
		const end = e.end ?? articleDate;
		const left = pos(e.start);
		const right = pos(end);
		let m: number | undefined;
		if (e.start === end) {
			m = days.get(left);
			if (m === undefined) {
				days.set(left, (m = add(e, false, -1, left, right, end)));
				dayMarks.push(marks[m]);
			} else join(marks[m], e, left, right, end);
		} else {
			const key = `${left} ${right}`;
			m = spans.get(key);
			if (m !== undefined) {
				join(marks[m], e, left, right, end);
				laneLoad[marks[m].lane] += e.count ?? 1;
			} else {
				let lane = -1;
				let merge = false;
				if (laneEnd.length < maxLanes) {
					lane = laneEnd.length;
					laneEnd.push(-Infinity);
					laneLoad.push(0);
					laneLast.push(-1);
				} else {
					for (let l = 0; l < laneEnd.length; l++) {
						if (laneEnd[l] < left && (lane < 0 || laneEnd[l] < laneEnd[lane])) lane = l;
					}
					if (lane < 0) {
						merge = true;
						lane = 0;
						for (let l = 1; l < laneLoad.length; l++) if (laneLoad[l] < laneLoad[lane]) lane = l;
					}
				}
				if (merge) {
					m = laneLast[lane];
					join(marks[m], e, left, right, end);
				} else {
					m = add(e, true, lane, left, right, end);
					laneLast[lane] = m;
				}
				spans.set(key, m);
				laneLoad[lane] += e.count ?? 1;
				const drawn = marks[m];
				laneEnd[lane] = Math.max(laneEnd[lane], Math.max(drawn.right, drawn.left + MIN_BAND_WIDTH));
			}
		}
		of[i] = m;
	}
	// Single days share the lane under the bands, as they always have.
	for (const m of dayMarks) m.lane = laneEnd.length;
	return { marks, lanes: Math.max(1, laneEnd.length + (dayMarks.length ? 1 : 0)), of };
}
