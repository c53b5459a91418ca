/**
 * Bounding boxes for framing the map: of an event's features, or of the whole story. Padded so
 * that features do not touch the map's edge, and never degenerate: a single point gets a box
 * of at least `minHalfSpanKm` around it, which `fitBounds` can zoom to.
 */
import type { Geometry } from 'geojson';
import { positionsOf, roundCoordinate } from './coordinates';

export type BBox = [west: number, south: number, east: number, north: number];

const KM_PER_DEGREE = 111.195;

/** The tight bbox of some geometries, or null when they have no positions. */
export function bboxOf(geometries: Iterable<Geometry>): BBox | null {
	let west = Infinity;
	let south = Infinity;
	let east = -Infinity;
	let north = -Infinity;
	for (const geometry of geometries) {
		for (const { position } of positionsOf(geometry)) {
			const [lon, lat] = position;
			if (lon < west) west = lon;
			if (lon > east) east = lon;
			if (lat < south) south = lat;
			if (lat > north) north = lat;
		}
	}
	return west === Infinity ? null : [west, south, east, north];
}

export interface PadOptions {
	/** Added on each side, as a fraction of the box's width or height. Default 0.1. */
	fraction?: number;
	/** The box reaches at least this far from its centre, in km. Default 1. */
	minHalfSpanKm?: number;
}

/** A bbox grown by `fraction` on each side and to at least `minHalfSpanKm`; latitudes clamped, rounded to 6 decimals. */
export function padBBox(
	[west, south, east, north]: BBox,
	{ fraction = 0.1, minHalfSpanKm = 1 }: PadOptions = {}
): BBox {
	const midLat = (south + north) / 2;
	const minHalfLat = minHalfSpanKm / KM_PER_DEGREE;
	const minHalfLon =
		minHalfSpanKm / (KM_PER_DEGREE * Math.max(0.01, Math.cos((midLat * Math.PI) / 180)));
	const halfLon = Math.max(((east - west) / 2) * (1 + 2 * fraction), minHalfLon);
	const halfLat = Math.max(((north - south) / 2) * (1 + 2 * fraction), minHalfLat);
	const midLon = (west + east) / 2;
	return [
		roundCoordinate(midLon - halfLon),
		roundCoordinate(Math.max(-90, midLat - halfLat)),
		roundCoordinate(midLon + halfLon),
		roundCoordinate(Math.min(90, midLat + halfLat))
	];
}

/** The padded bbox of some geometries (an event's, or the story's), or null when empty. */
export function framingBBox(geometries: Iterable<Geometry>, options?: PadOptions): BBox | null {
	const tight = bboxOf(geometries);
	return tight ? padBBox(tight, options) : null;
}

/** The window a centre-and-zoom view is turned into a frame for: the preview image's size. */
export const VIEW_WINDOW = { width: 1200, height: 630 };

/**
 * The bbox a centre and zoom show in a window of `width` × `height` px (Web Mercator with
 * MapLibre's 512 px tiles), so that a view given as centre and zoom frames the same area on
 * any screen and in the preview image. Latitudes clamped to Mercator's ±85.0511°.
 */
export function viewBBox(
	[lng, lat]: [number, number],
	zoom: number,
	{ width, height } = VIEW_WINDOW
): BBox {
	const worldPx = 512 * 2 ** zoom;
	const toY = (phi: number) =>
		Math.log(Math.tan(Math.PI / 4 + (Math.max(-85.0511, Math.min(85.0511, phi)) * Math.PI) / 360));
	const toLat = (y: number) => ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;
	const halfLng = Math.min(180, ((width / 2) * 360) / worldPx);
	const halfY = ((height / 2) * 2 * Math.PI) / worldPx;
	const y = toY(lat);
	return [
		roundCoordinate(lng - halfLng),
		roundCoordinate(Math.max(-85.0511, toLat(y - halfY))),
		roundCoordinate(lng + halfLng),
		roundCoordinate(Math.min(85.0511, toLat(y + halfY)))
	];
}
