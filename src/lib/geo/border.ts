/**
 * The shared border of two countries, from the Natural Earth topology itself: `topojson.mesh`
 * keeps only the arcs that separate the two countries, so the line is exactly the edge the
 * basemap draws, and it ends where a third country (or the sea) begins.
 */
import type { LineString, MultiLineString, Position } from 'geojson';
import { mesh } from 'topojson-client';
import type { GeometryObject } from 'topojson-specification';
import { roundPosition } from './coordinates';
import type { Countries } from './natural-earth';

const cache = new WeakMap<Countries, Map<string, LineString | MultiLineString | null>>();

/**
 * The border shared by countries `a` and `b` (Natural Earth names), as one LineString when it
 * is continuous, else a MultiLineString; coordinates rounded to 6 decimals. `null` when either
 * country is unknown or they share no border.
 */
export function sharedBorder(
	countries: Countries,
	a: string,
	b: string
): LineString | MultiLineString | null {
	let memo = cache.get(countries);
	if (!memo) cache.set(countries, (memo = new Map()));
	const key = [a, b].sort().join('\u0000');
	if (memo.has(key)) return memo.get(key) ?? null;

	const A = countries.byName.get(a)?.object;
	const B = countries.byName.get(b)?.object;
	let result: LineString | MultiLineString | null = null;
	if (A && B && A !== B) {
		const all = countries.topology.objects.countries as GeometryObject;
		const lines = mesh(
			countries.topology,
			all,
			(x, y) => (x === A && y === B) || (x === B && y === A)
		);
		const merged = joinLines(lines.coordinates.map((line) => dedupe(line.map(roundPosition))));
		if (merged.length === 1) result = { type: 'LineString', coordinates: merged[0] };
		else if (merged.length > 1) result = { type: 'MultiLineString', coordinates: merged };
	}
	memo.set(key, result);
	return result;
}

const same = (p: Position, q: Position) => p[0] === q[0] && p[1] === q[1];

/** Drop consecutive repeated positions (rounding can make neighbours equal). */
function dedupe(line: Position[]): Position[] {
	return line.filter((position, i) => i === 0 || !same(position, line[i - 1]));
}

/** Join lines that meet end to end (in either direction), so a continuous border is one line. */
function joinLines(input: Position[][]): Position[][] {
	const lines = input.filter((line) => line.length >= 2);
	for (let i = 0; i < lines.length; i++) {
		for (let j = i + 1; j < lines.length; j++) {
			const joined = join(lines[i], lines[j]);
			if (joined) {
				lines[i] = joined;
				lines.splice(j, 1);
				j = i; // start over against the longer line
			}
		}
	}
	return lines;
}

function join(a: Position[], b: Position[]): Position[] | null {
	const first = (line: Position[]) => line[0];
	const last = (line: Position[]) => line[line.length - 1];
	if (same(last(a), first(b))) return [...a, ...b.slice(1)];
	if (same(last(a), last(b))) return [...a, ...[...b].reverse().slice(1)];
	if (same(first(a), last(b))) return [...b, ...a.slice(1)];
	if (same(first(a), first(b))) return [...[...a].reverse(), ...b.slice(1)];
	return null;
}
