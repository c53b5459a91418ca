import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BAND_LANES, MIN_BAND_WIDTH, timelineMarks } from '../../src/lib/time/marks';
import { place, timelineDomain, type Domain } from '../../src/lib/time/timeline';
import { addDays } from '../../src/lib/time/window';
import { compareRanges, parseStoryDate } from '../../src/lib/story/dates';

interface Ev {
	id: string;
	date: string;
	start: string;
	end: string | null;
}

/** The Timeline component's placement before shapes were shared: one per event. */
function onePerEvent(events: Ev[], domain: Domain, articleDate: string) {
	let lane = 0;
	const out = events.map((e) => {
		const at = place(e, domain, articleDate);
		return { event: e, at, lane: at.band ? lane++ : -1 };
	});
	const placed = out.map((p) => ({ ...p, lane: p.lane < 0 ? lane : p.lane }));
	return {
		lanes: Math.max(1, ...placed.map((p) => p.lane + 1)),
		shapes: placed.map(({ event, at, lane }) => ({
			id: event.id,
			band: at.band,
			lane,
			left: at.left,
			right: at.right,
			clipped: at.clippedLeft
		}))
	};
}

const shapesOf = (layout: ReturnType<typeof timelineMarks<Ev>>) =>
	layout.marks.map((m) => ({
		id: m.first.id,
		band: m.band,
		lane: m.lane,
		left: m.left,
		right: m.right,
		clipped: m.clipped
	}));

const ARTICLE = '2015-11-27';
const day = (n: number) => addDays('2015-10-01', n);

/** Events of a story: days and spans (some open, some starting before the strip). */
const eventsArb = (size: fc.SizeForArbitrary) =>
	fc
		.array(
			fc.record({
				a: fc.integer({ min: -400, max: 60 }),
				len: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 80 }), fc.constant(-1))
			}),
			{ maxLength: 300, size }
		)
		.map((raw) =>
			raw.map(({ a, len }, i): Ev => {
				const start = day(a);
				const end = len < 0 ? null : day(a + len);
				const date = end === start ? start : `${start}/${end ?? '..'}`;
				return { id: `e${i}`, date, start, end };
			})
		)
		.map((events) =>
			events.sort((x, y) => compareRanges(x, y) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
		);

describe('timelineMarks', () => {
	it('draws the real story as before, its three events of 26 November in one mark', () => {
		const { events: raw } = JSON.parse(readFileSync('geo/events.json', 'utf8')) as {
			events: { id: string; date: string }[];
		};
		const articleDate = JSON.parse(readFileSync('geo/article.json', 'utf8')).date as string;
		const events: Ev[] = raw
			.map((e) => ({ ...e, ...parseStoryDate(e.date) }) as Ev)
			.sort((x, y) => compareRanges(x, y) || (x.id < y.id ? -1 : 1));
		const domain = timelineDomain(events, articleDate);
		const layout = timelineMarks(events, domain, articleDate);
		const before = onePerEvent(events, domain, articleDate);

		expect(layout.lanes).toBe(before.lanes);
		const sameDay = ['ankara-accusations', 'assad-fate', 'kremlin-talks'];
		expect(shapesOf(layout)).toEqual(before.shapes.filter((s) => !sameDay.slice(1).includes(s.id)));
		const shared = layout.marks.find((m) => m.count > 1)!;
		expect(shared.sample.map((e) => e.id)).toEqual(sameDay);
		expect(shared).toMatchObject({ band: false, start: '2015-11-26', end: '2015-11-26' });
		expect(layout.marks.filter((m) => m.count > 1)).toHaveLength(1);
	});

	it('draws one shape per event, as before, when days and spans differ and bands fit in the lanes (property)', () => {
		fc.assert(
			fc.property(eventsArb('medium'), (all) => {
				const seen = new Set<string>();
				let bands = 0;
				const events = all.filter((e) => {
					const key = e.start === (e.end ?? ARTICLE) ? e.start : `${e.start} ${e.end}`;
					if (seen.has(key) || (key.includes(' ') && bands >= BAND_LANES)) return false;
					if (key.includes(' ')) bands++;
					seen.add(key);
					return true;
				});
				const domain = timelineDomain(events, ARTICLE);
				const layout = timelineMarks(events, domain, ARTICLE);
				const before = onePerEvent(events, domain, ARTICLE);
				// Spans that differ as days may still meet on the strip, clamped at its edges.
				fc.pre(
					new Set(before.shapes.map((s) => `${s.band} ${s.left} ${s.right}`)).size === events.length
				);
				expect(shapesOf(layout)).toEqual(before.shapes);
				expect(layout.lanes).toBe(before.lanes);
			})
		);
	});

	it('puts every event in exactly one shape, with a mark per day and at most 8 band lanes (property)', () => {
		fc.assert(
			fc.property(eventsArb('medium'), (events) => {
				const domain = timelineDomain(events, ARTICLE);
				const { marks, lanes, of } = timelineMarks(events, domain, ARTICLE);
				const at = events.map((e) => place(e, domain, ARTICLE));

				const counted = new Array(marks.length).fill(0);
				events.forEach((e, i) => {
					const m = marks[of[i]];
					expect(m).toBeDefined();
					counted[of[i]]++;
					expect(m.band).toBe(at[i].band);
					expect(m.left).toBeLessThanOrEqual(at[i].left);
					expect(m.right).toBeGreaterThanOrEqual(at[i].right);
					if (!m.band) expect(m.left).toBe(at[i].left);
					if (at[i].clippedLeft) expect(m.clipped).toBe(true);
				});
				expect(counted).toEqual(marks.map((m) => m.count));
				expect(marks.every((m, i) => of[events.indexOf(m.first)] === i)).toBe(true);

				const dayMarks = marks.filter((m) => !m.band);
				const bandMarks = marks.filter((m) => m.band);
				const days = new Set(at.filter((p) => !p.band).map((p) => p.left));
				const spans = new Set(at.filter((p) => p.band).map((p) => `${p.left} ${p.right}`));
				expect(dayMarks.length).toBe(days.size);
				expect(bandMarks.length).toBeLessThanOrEqual(spans.size);
				const bandLanes = new Set(bandMarks.map((m) => m.lane)).size;
				expect(bandLanes).toBeLessThanOrEqual(BAND_LANES);
				expect(bandMarks.every((m) => m.lane >= 0 && m.lane < bandLanes)).toBe(true);
				expect(dayMarks.every((m) => m.lane === bandLanes)).toBe(true);
				expect(lanes).toBe(Math.max(1, bandLanes + (dayMarks.length ? 1 : 0)));
			})
		);
	});

	it('draws a bounded strip for 100,000 events', () => {
		let seed = 1;
		const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
		const events: Ev[] = Array.from({ length: 100_000 }, (_, i) => {
			const start = day(Math.floor(random() * 58));
			const end = random() < 0.2 ? day(Math.floor(random() * 58) + 58) : start;
			return { id: `e${i}`, date: start === end ? start : `${start}/${end}`, start, end };
		}).sort((x, y) => compareRanges(x, y) || (x.id < y.id ? -1 : 1));
		const domain = timelineDomain(events, ARTICLE);
		const { marks, lanes } = timelineMarks(events, domain, ARTICLE);
		const domainDays = 120;
		expect(marks.filter((m) => !m.band).length).toBeLessThanOrEqual(domainDays);
		// Bands in a lane do not start on the same day twice.
		expect(marks.filter((m) => m.band).length).toBeLessThanOrEqual(BAND_LANES * domainDays);
		expect(lanes).toBe(BAND_LANES + 1);
		expect(marks.reduce((n, m) => n + m.count, 0)).toBe(events.length);
	});

	it('shares a lane between bands that do not overlap, once the lanes are taken', () => {
		const span = (id: string, a: number, b: number): Ev => ({
			id,
			date: `${day(a)}/${day(b)}`,
			start: day(a),
			end: day(b)
		});
		const events = [
			...Array.from({ length: BAND_LANES }, (_, i) => span(`b${i}`, 0, 10 + i)),
			span('late', 30, 40),
			span('overlapping', 5, 20),
			span('same', 0, 10)
		];
		const domain: Domain = { start: day(0), end: day(50) };
		const { marks, of } = timelineMarks(events, domain, ARTICLE);
		const lane = (id: string) => marks[of[events.findIndex((e) => e.id === id)]].lane;
		// The lane that fell free first: b0's, ending on day 10.
		expect(lane('late')).toBe(0);
		expect(marks[of[8]]).toMatchObject({ count: 1, band: true });
		// No lane is free on day 5: the least-loaded lane after that (b1's) takes it, in one band.
		expect(lane('overlapping')).toBe(1);
		expect(marks[of[9]]).toMatchObject({ first: events[1], count: 2, right: 20 / 50 });
		// The same span as b0: the same band.
		expect(of[10]).toBe(of[0]);
		expect(marks).toHaveLength(BAND_LANES + 1);
		expect(MIN_BAND_WIDTH).toBeGreaterThan(0);
	});
});
