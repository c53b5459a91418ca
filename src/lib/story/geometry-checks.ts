/**
 * Checks of authored geometry: coordinates in range and at most 6 decimals, polygon rings
 * closed, long enough and wound as RFC 7946 wants, and every position inside the country the
 * feature names (within the coastal tolerance). Each returns reasons with their field path.
 */
import type { Geometry, Position } from 'geojson';
import {
	COAST_TOLERANCE_KM,
	countryAt,
	distanceToCountryKm,
	isInCountry,
	landAt
} from '../geo/containment';
import { hasTooManyDecimals, isRingClosed, positionsOf, ringSignedArea } from '../geo/coordinates';
import type { Countries, Country } from '../geo/natural-earth';

export interface GeometryFinding {
	/** Below the feature: `geometry.coordinates[0][3]`. */
	field: string;
	reason: string;
}

const fieldOf = (path: number[]) => `geometry.coordinates${path.map((i) => `[${i}]`).join('')}`;

/** `[36.03, 35.83]`, as written in the file. */
export const showPosition = (position: Position) => `[${position.join(', ')}]`;

/** Where a position's longitude or latitude is out of range, or undefined. */
export function rangeProblem([lon, lat]: Position): string | undefined {
	const bad: string[] = [];
	if (!(lon >= -180 && lon <= 180)) bad.push(`longitude ${lon} is out of range (−180..180)`);
	if (!(lat >= -90 && lat <= 90)) bad.push(`latitude ${lat} is out of range (−90..90)`);
	return bad.length ? bad.join('; ') : undefined;
}

const inRange = (position: Position) => rangeProblem(position) === undefined;

/** A position with longitude and latitude exchanged. */
const swap = (position: Position): Position => [position[1], position[0], ...position.slice(2)];

/** Whether a position lies in one of the countries (within the coastal tolerance). */
const inAny = (position: Position, named: readonly Country[]) =>
	inRange(position) && named.some((country) => isInCountry(position, country));

/** Coordinates in range, at most 6 decimals. `named`: the feature's countries, for the "swapped?" hint. */
export function checkCoordinates(
	geometry: Geometry,
	named: readonly Country[] = []
): GeometryFinding[] {
	const findings: GeometryFinding[] = [];
	for (const { position, path } of positionsOf(geometry)) {
		const range = rangeProblem(position);
		if (range) {
			const hint = inAny(swap(position), named) ? '; longitude and latitude swapped?' : '';
			findings.push({
				field: fieldOf(path),
				reason: `${range} in ${showPosition(position)}${hint}`
			});
		}
		const fine = position.filter(hasTooManyDecimals);
		if (fine.length) {
			findings.push({
				field: fieldOf(path),
				reason: `${fine.join(', ')} ${fine.length === 1 ? 'has' : 'have'} more than 6 decimals (6 is ~0.1 m; round it)`
			});
		}
	}
	return findings;
}

/** Rings: at least 4 positions, closed, exterior counter-clockwise and holes clockwise. */
export function checkRings(geometry: Geometry): GeometryFinding[] {
	const polygons =
		geometry.type === 'Polygon'
			? [{ rings: geometry.coordinates, path: [] as number[] }]
			: geometry.type === 'MultiPolygon'
				? geometry.coordinates.map((rings, i) => ({ rings, path: [i] }))
				: [];
	const findings: GeometryFinding[] = [];
	for (const { rings, path } of polygons) {
		for (const [r, ring] of rings.entries()) {
			const field = fieldOf([...path, r]);
			const what = r === 0 ? 'exterior ring' : `hole ${r}`;
			if (ring.length < 4) {
				findings.push({
					field,
					reason: `${what} has ${ring.length} positions; a ring needs at least 4 (the last repeating the first)`
				});
				continue;
			}
			if (!isRingClosed(ring)) {
				findings.push({
					field,
					reason: `${what} is not closed: it ends at ${showPosition(ring[ring.length - 1])}, not at its first position ${showPosition(ring[0])}`
				});
				continue;
			}
			const area = ringSignedArea(ring);
			if (r === 0 && area < 0)
				findings.push({
					field,
					reason: `exterior ring is clockwise; RFC 7946 wants exterior rings counter-clockwise`
				});
			if (r > 0 && area > 0)
				findings.push({
					field,
					reason: `${what} is counter-clockwise; RFC 7946 wants holes clockwise`
				});
		}
	}
	return findings;
}

/** "Syria", "Syria and Turkey", "Syria, Turkey and Iraq". */
export function listNames(names: readonly string[]): string {
	return names.length <= 1
		? (names[0] ?? '')
		: `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const showKm = (km: number) => (km < 10 ? km.toFixed(1) : String(Math.round(km)));

/**
 * Every position (each vertex of a line or ring; the closing repeat of a ring skipped) lies in
 * one of `named` countries, within the coastal tolerance, or, when the feature names its
 * `waters`, at sea. Positions out of range are left to `checkCoordinates`.
 */
export function checkContainment(
	geometry: Geometry,
	named: readonly Country[],
	countries: Countries,
	waters = false
): GeometryFinding[] {
	if (named.length === 0 && !waters) return [];
	const findings: GeometryFinding[] = [];
	const ringEnds = ringEndPaths(geometry);
	for (const { position, path } of positionsOf(geometry)) {
		if (!inRange(position) || ringEnds.has(path.join())) continue;
		if (named.some((country) => isInCountry(position, country))) continue;
		const land = waters ? landAt(position, countries) : undefined;
		if (waters && !land) continue;
		const hint = inAny(swap(position), named) ? '; longitude and latitude swapped?' : '';
		if (land && named.length === 0) {
			const what = geometry.type === 'Point' ? 'this point' : showPosition(position);
			findings.push({
				field: fieldOf(path),
				reason: `${what} is on land in ${land.country.name}, ${showKm(land.km)} km from the sea: move it onto the water, or name the country${hint}`
			});
			continue;
		}
		const km = Math.min(...named.map((country) => distanceToCountryKm(position, country)));
		const actual = land?.country ?? countryAt(position, countries);
		const where = actual ? ` (it is in ${actual.name})` : ' (in no country: at sea?)';
		findings.push({
			field: fieldOf(path),
			reason: `${showPosition(position)} is ${showKm(km)} km outside ${listNames(named.map((c) => c.name))}${waters ? ' and not at sea' : ''}${where}${hint}`
		});
	}
	return findings;
}

/** Paths of the closing positions of rings (same as the first; checked once). */
function ringEndPaths(geometry: Geometry): Set<string> {
	const ends = new Set<string>();
	const add = (rings: Position[][], prefix: number[]) =>
		rings.forEach((ring, r) => {
			if (ring.length > 1 && isRingClosed(ring)) ends.add([...prefix, r, ring.length - 1].join());
		});
	if (geometry.type === 'Polygon') add(geometry.coordinates, []);
	if (geometry.type === 'MultiPolygon') geometry.coordinates.forEach((rings, i) => add(rings, [i]));
	return ends;
}

export { COAST_TOLERANCE_KM };
