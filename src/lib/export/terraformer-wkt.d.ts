/**
 * Types for `@terraformer/wkt` (Esri's Terraformer; no dependencies, but no types of its
 * own): only the two functions it has.
 */
declare module '@terraformer/wkt' {
	/** WKT of a GeoJSON geometry, coordinates written as JavaScript writes numbers. */
	export function geojsonToWKT(geometry: import('geojson').Geometry): string;
	/** The GeoJSON geometry of a WKT string; throws on text it cannot parse. */
	export function wktToGeoJSON(wkt: string): import('geojson').Geometry;
}
