/**
 * Is a position inside the country a feature names? Natural Earth 1:10m coastlines are
 * generalised (and world-atlas quantises them to ~200–400 m), so a harbour or a beach can fall
 * just outside its polygon: a position within `COAST_TOLERANCE_KM` of the country counts.
 */
import { booleanPointInPolygon, lineString, point, pointToLineDistance } from '@turf/turf';
import type { Position } from 'geojson';
import type { Countries, Country } from './natural-earth';

/** How far outside its country's polygon a position may lie and still count as inside it. */
export const COAST_TOLERANCE_KM = 2;

const KM_PER_DEGREE = 111.195; // mean Earth radius 6371.0088 km × π / 180

function inBBox(
	[lon, lat]: Position,
	[west, south, east, north]: number[],
	marginDeg = 0
): boolean {
	return (
		lon >= west - marginDeg &&
		lon <= east + marginDeg &&
		lat >= south - marginDeg &&
		lat <= north + marginDeg
	);
}

/** Strictly inside (or on the edge of) the country's polygons. */
export function isInsideCountry(position: Position, country: Country): boolean {
	if (!inBBox(position, country.bbox)) return false;
	return booleanPointInPolygon(position, country.geometry);
}

/**
 * Distance in km from a position to the country: 0 inside, otherwise geodesic distance to the
 * nearest edge. The nearest edge is found in a local flat projection (fast over 10m outlines),
 * then measured with Turf.
 */
export function distanceToCountryKm(position: Position, country: Country): number {
	if (isInsideCountry(position, country)) return 0;
	return distanceToEdgeKm(position, country);
}

/** Distance in km from a position to the nearest edge of the country, from inside or outside. */
export function distanceToEdgeKm(position: Position, country: Country): number {
	const [lon0, lat0] = position;
	const xScale = Math.cos((lat0 * Math.PI) / 180);
	let best = Infinity;
	let bestSegment: [Position, Position] | undefined;
	const polygons =
		country.geometry.type === 'Polygon'
			? [country.geometry.coordinates]
			: country.geometry.coordinates;
	for (const polygon of polygons) {
		for (const ring of polygon) {
			for (let i = 0; i + 1 < ring.length; i++) {
				const a = ring[i];
				const b = ring[i + 1];
				const ax = wrap(a[0] - lon0) * xScale;
				const ay = a[1] - lat0;
				const bx = wrap(b[0] - lon0) * xScale;
				const by = b[1] - lat0;
				const d = segmentDistanceToOrigin(ax, ay, bx, by);
				if (d < best) {
					best = d;
					bestSegment = [a, b];
				}
			}
		}
	}
	if (!bestSegment) return Infinity;
	const [a, b] = bestSegment;
	if (a[0] === b[0] && a[1] === b[1]) return best * KM_PER_DEGREE;
	return pointToLineDistance(point(position), lineString([a, b]), { units: 'kilometers' });
}

/** Longitude difference into −180..180. */
function wrap(dlon: number): number {
	return dlon > 180 ? dlon - 360 : dlon < -180 ? dlon + 360 : dlon;
}

function segmentDistanceToOrigin(ax: number, ay: number, bx: number, by: number): number {
	const dx = bx - ax;
	const dy = by - ay;
	const lengthSquared = dx * dx + dy * dy;
	const t =
		lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
	return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Inside the country, or within `toleranceKm` of it (coastal points). */
export function isInCountry(
	position: Position,
	country: Country,
	toleranceKm = COAST_TOLERANCE_KM
): boolean {
	if (isInsideCountry(position, country)) return true;
	// More than ~tolerance outside the bounding box: cannot be within tolerance.
	const marginDeg =
		toleranceKm / (KM_PER_DEGREE * Math.max(0.01, Math.cos((position[1] * Math.PI) / 180)));
	if (!inBBox(position, country.bbox, marginDeg)) return false;
	return distanceToCountryKm(position, country) <= toleranceKm;
}

/** The country whose polygon holds the position, if any (none at sea). */
export function countryAt(position: Position, countries: Countries): Country | undefined {
	return countries.list.find((country) => isInsideCountry(position, country));
}

/**
 * The country a position is on land in, deeper than `toleranceKm` from its coast, or
 * undefined when it is at sea (or on a coast, within the tolerance either side: Natural Earth's
 * generalised coastlines put harbours and straits a little off).
 */
export function landAt(
	position: Position,
	countries: Countries,
	toleranceKm = COAST_TOLERANCE_KM
): { country: Country; km: number } | undefined {
	const country = countryAt(position, countries);
	if (!country) return undefined;
	const km = distanceToEdgeKm(position, country);
	return km <= toleranceKm ? undefined : { country, km };
}
