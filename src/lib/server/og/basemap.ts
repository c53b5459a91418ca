/**
 * The static basemap of preview images: Natural Earth land, coastlines and borders, projected
 * with d3-geo into SVG path data. Pure: the countries are passed in. Each piece carries its
 * bbox so that a card only projects what it shows (the 1:10m world is ~1 M positions).
 */
import type { Geometry, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { geoPath, type GeoProjection } from 'd3-geo';
import { mesh } from 'topojson-client';
import type { GeometryObject } from 'topojson-specification';
import type { Countries, Scale } from '$lib/geo/natural-earth';
import type { BBox } from '$lib/story/compiled';

interface Piece<G extends Geometry> {
	geometry: G;
	bbox: BBox;
}

export interface Basemap {
	scale: Scale;
	land: Piece<Polygon | MultiPolygon>[];
	/** Land borders between countries. */
	borders: Piece<LineString>[];
	/** Arcs used by one country only: coastlines. */
	coasts: Piece<LineString>[];
}

const cache = new WeakMap<Countries, Basemap>();

/** The basemap pieces of a Natural Earth topology (memoised per topology). */
export function basemapOf(countries: Countries): Basemap {
	let basemap = cache.get(countries);
	if (!basemap) {
		const all = countries.topology.objects.countries as GeometryObject;
		basemap = {
			scale: countries.scale,
			land: countries.list.map((c) => ({ geometry: c.geometry, bbox: c.bbox as BBox })),
			borders: pieces(mesh(countries.topology, all, (a, b) => a !== b)),
			coasts: pieces(mesh(countries.topology, all, (a, b) => a === b))
		};
		cache.set(countries, basemap);
	}
	return basemap;
}

function pieces(lines: MultiLineString): Piece<LineString>[] {
	return lines.coordinates.map((coordinates) => {
		let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
		for (const [lon, lat] of coordinates) {
			if (lon < west) west = lon;
			if (lon > east) east = lon;
			if (lat < south) south = lat;
			if (lat > north) north = lat;
		}
		return { geometry: { type: 'LineString', coordinates }, bbox: [west, south, east, north] };
	});
}

function intersects(a: BBox, b: BBox): boolean {
	return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

export interface BasemapPaths {
	land: string;
	borders: string;
	coasts: string;
}

/**
 * Path data of the basemap pieces that meet `view` (lon/lat), drawn with `projection`, which
 * should clip to the picture (`clipExtent`) so that off-frame outlines cost nothing in the SVG.
 */
export function basemapPaths(
	basemap: Basemap,
	projection: GeoProjection,
	view: BBox
): BasemapPaths {
	const path = geoPath(projection).digits(1);
	const draw = (list: Piece<Geometry>[]) =>
		list
			.filter((p) => intersects(p.bbox, view))
			.map((p) => path(p.geometry) ?? '')
			.join('');
	return { land: draw(basemap.land), borders: draw(basemap.borders), coasts: draw(basemap.coasts) };
}
