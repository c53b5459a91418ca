/**
 * Natural Earth Admin 0 countries (from world-atlas' TopoJSON) as a lookup by name. Pure: the
 * topology is passed in; `natural-earth-file.ts` reads it from node_modules for the loader.
 *
 * Names are Natural Earth's `NAME` ("Syria", "Turkey", "Russia", "N. Cyprus"): the story data
 * names countries exactly so, and validation suggests close names when it does not.
 */
import type { BBox, Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

export type Scale = '10m' | '50m' | '110m';

export interface Country {
	/** Natural Earth name, e.g. "Syria". */
	name: string;
	/** ISO 3166-1 numeric code, when Natural Earth has one (e.g. "760"); none for "Kosovo", "N. Cyprus"… */
	isoNumeric?: string;
	geometry: Polygon | MultiPolygon;
	/** [west, south, east, north] of the geometry, for quick rejection. */
	bbox: BBox;
	/** The TopoJSON object, for shared borders (`topojson.mesh`). */
	object: GeometryObject;
}

export interface Countries {
	/** "Natural Earth 1:10m": how the data is cited in `derivedFrom`. */
	label: string;
	scale: Scale;
	topology: Topology;
	list: Country[];
	byName: Map<string, Country>;
}

type CountryProperties = { name: string };

/** Build the lookup from a world-atlas `countries-*.json` topology. */
export function countriesFromTopology(topology: Topology, scale: Scale): Countries {
	const collection = topology.objects.countries as GeometryCollection<CountryProperties>;
	const list: Country[] = [];
	for (const object of collection.geometries) {
		if (object.type !== 'Polygon' && object.type !== 'MultiPolygon') continue;
		const converted = feature(topology, object) as Feature<Polygon | MultiPolygon>;
		list.push({
			name: object.properties?.name ?? String(object.id),
			isoNumeric: object.id === undefined ? undefined : String(object.id),
			geometry: converted.geometry,
			bbox: bboxOf(converted.geometry),
			object
		});
	}
	return {
		label: `Natural Earth 1:${scale}`,
		scale,
		topology,
		list,
		byName: new Map(list.map((country) => [country.name, country]))
	};
}

export function countryByName(countries: Countries, name: string): Country | undefined {
	return countries.byName.get(name);
}

export function countryNames(countries: Countries): string[] {
	return [...countries.byName.keys()];
}

function bboxOf(geometry: Polygon | MultiPolygon): BBox {
	let west = Infinity;
	let south = Infinity;
	let east = -Infinity;
	let north = -Infinity;
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	for (const polygon of polygons) {
		for (const [lon, lat] of polygon[0]) {
			if (lon < west) west = lon;
			if (lon > east) east = lon;
			if (lat < south) south = lat;
			if (lat > north) north = lat;
		}
	}
	return [west, south, east, north];
}
