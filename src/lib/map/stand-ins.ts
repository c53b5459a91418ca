/**
 * Stand-ins: what keeps a low-zoom story tile the size of the picture rather than the story.
 *
 * At a country's scale, a million events put hundreds of thousands of features in one tile,
 * nearly all of them drawn on top of each other; MapLibre then fails to draw the tile at all
 * (a symbol bucket of 200,000 icons breaks its vertex arrays; BENCHMARKS.md, "fifth pass").
 * So below the deepest zoom, features that would draw within one marker-sized cell of the
 * tile, with the same look (kind, claimant, label, geometry type), are drawn once: the first
 * of them stands in for all, says how many (`stands_for`) and on which days they happened.
 * Features larger than a cell stand in for each other only when they pass through the same
 * cells in the same order (`cellPath`); features whose dates are open-ended stay themselves.
 *
 * The days are a string of `0`s and `1`s from day `d0` (`dayIndex`): the time window's filter
 * (`timeFilter` in `$lib/map/source-data`) asks whether it holds a `1` between the window's
 * days. So under any window the map still marks exactly the cells where an event of the
 * window is, and the list and the legend, which count every feature, agree with it; only the
 * marks inside one cell become one. At the deepest zoom every feature is itself again.
 *
 * A cell is aligned on the tile (32 to a tile side), so a cell's features are all inside the
 * tile or all in its buffer. Pure: a tile's features in, its features out, in input order.
 */
import type { LegacyFeature } from 'geojson-vt';
import { dayIndex } from '$lib/time/window';

/** A cell's side in pixels: about a marker's width (a dot is 18 px across with its ring). */
export const STAND_IN_CELL_PX = 16;
/**
 * Features a tile may hold before its cells grow (`thinTile`). Chosen by measuring: with tiles
 * of a million events thinned to this, the map pans at about the pace of a 1,000-event story
 * (BENCHMARKS.md); a story of ordinary density never reaches it.
 */
export const TILE_FEATURE_BUDGET = 1024;
/** Cells grow to this at most: four to a tile side with its buffer, a tile's edge on theirs. */
export const MAX_STAND_IN_CELL_PX = 64;

/** What a stand-in carries, on top of the look it shares with those it stands for. */
export interface StandInTags {
	kind: unknown;
	claimedBy?: unknown;
	label?: unknown;
	/** Shown by place-name kinds: the first feature's. */
	title?: unknown;
	/** How many features it stands for (2 or more). */
	stands_for: number;
	/** The first start and last end of them, so filters on dates alone keep working. */
	start: string;
	end: string;
	/** `dayIndex` of `start`: where `days` begins. */
	d0: number;
	/** `1` on a day one of them covers, `0` on the others, from `start` to `end`. */
	days: string;
}

type Bounds = [minX: number, minY: number, maxX: number, maxY: number];

function bounds(f: LegacyFeature): Bounds {
	const b: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
	const add = ([x, y]: [number, number]) => {
		if (x < b[0]) b[0] = x;
		if (y < b[1]) b[1] = y;
		if (x > b[2]) b[2] = x;
		if (y > b[3]) b[3] = y;
	};
	if (f.type === 1) f.geometry.forEach(add);
	else for (const part of f.geometry) part.forEach(add);
	return b;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
/** One for every stand-in: a tile at zoom 4 of a million events makes thousands. */
const ascii = new TextDecoder();

/**
 * A tile's features thinned as its density asks: stand-ins in marker-sized cells, and where
 * that leaves more than `budget` features (a million events at a country's scale: 26,000 route
 * lines in one tile), in cells twice, then four times as large. So a dense tile draws as much
 * as a few thousand features cost, as tippecanoe's `--coalesce-densest-as-needed` does, while
 * a sparse one keeps every feature where it is. Cells double, so they stay on the tile's grid.
 */
export function thinTile(
	features: LegacyFeature[],
	unitsPerPx: number,
	budget = TILE_FEATURE_BUDGET
): LegacyFeature[] {
	for (let px = STAND_IN_CELL_PX; ; px *= 2) {
		const out = standIns(features, px * unitsPerPx);
		if (out.length <= budget || px >= MAX_STAND_IN_CELL_PX) return out;
	}
}

/**
 * The features of one tile with those sharing a cell (of `cell` tile units) and a look
 * replaced by one stand-in each.
 */
export function standIns(features: LegacyFeature[], cell: number): LegacyFeature[] {
	const groups = new Map<string, LegacyFeature[]>();
	const out: (LegacyFeature | LegacyFeature[])[] = [];
	for (const f of features) {
		const tags = f.tags ?? {};
		// Open dates and clusters are drawn as they are.
		if (typeof tags.start !== 'string' || typeof tags.end !== 'string' || 'point_count' in tags) {
			out.push(f);
			continue;
		}
		const [x0, y0, x1, y1] = bounds(f);
		const small = x1 - x0 < cell && y1 - y0 < cell;
		const key = JSON.stringify([
			f.type,
			small
				? [Math.floor((x0 + x1) / 2 / cell), Math.floor((y0 + y1) / 2 / cell)]
				: cellPath(f, cell),
			text(tags.kind),
			text(tags.claimedBy),
			text(tags.label)
		]);
		const group = groups.get(key);
		if (group) group.push(f);
		else {
			const fresh = [f];
			groups.set(key, fresh);
			out.push(fresh);
		}
	}
	return out.map((entry) => (Array.isArray(entry) ? standIn(entry) : entry));
}

/**
 * The cells a larger feature's vertices visit, in order, a cell once per visit, part by part.
 * Two lines (or rings) with the same path have each vertex's cell and each straight step in
 * common, so neither strays more than a cell's diagonal from the other: at this zoom they
 * draw as one stroke, as points in one cell draw as one marker. A line that turns through
 * another cell, or runs the other way, has another path and stays itself.
 */
function cellPath(f: LegacyFeature, cell: number): number[][] {
	const parts = f.type === 1 ? [f.geometry] : f.geometry;
	return parts.map((part) => {
		const path: number[] = [];
		for (const [x, y] of part) {
			const cx = Math.floor(x / cell);
			const cy = Math.floor(y / cell);
			const n = path.length;
			if (n === 0 || path[n - 2] !== cx || path[n - 1] !== cy) path.push(cx, cy);
		}
		return path;
	});
}

/** One feature for a group: itself when alone. */
function standIn(group: LegacyFeature[]): LegacyFeature {
	const [first] = group;
	if (group.length === 1) return first;
	// Loops, not spreads: a group at zoom 0 can hold a whole layer.
	let start = '9999-12-31';
	let end = '0000-01-01';
	for (const f of group) {
		const tags = f.tags as { start: string; end: string };
		if (tags.start < start) start = tags.start;
		if (tags.end > end) end = tags.end;
	}
	const d0 = dayIndex(start);
	const days = new Uint8Array(dayIndex(end) - d0 + 1).fill(48); // '0'
	for (const f of group) {
		const tags = f.tags as { start: string; end: string };
		days.fill(49, dayIndex(tags.start) - d0, dayIndex(tags.end) - d0 + 1); // '1'
	}
	const from = first.tags!;
	const tags: StandInTags = {
		kind: from.kind,
		...(from.claimedBy !== undefined ? { claimedBy: from.claimedBy } : {}),
		...(from.label !== undefined ? { label: from.label } : {}),
		...(from.title !== undefined ? { title: from.title } : {}),
		stands_for: group.length,
		start,
		end,
		d0,
		days: ascii.decode(days)
	};
	// No id: a stand-in is none of the features it stands for.
	const { id: _id, ...rest } = first;
	return { ...rest, tags: tags as unknown as Record<string, unknown> } as LegacyFeature;
}
