/**
 * A self-hosted PMTiles basemap in the Protomaps schema, when the build was given one
 * (`BASEMAP_PMTILES`: a URL, or a path under static/; README: the basemap). Read at build time
 * (vite.config.ts lets this one variable through to the client) and inlined.
 */
const configured = String(import.meta.env.BASEMAP_PMTILES ?? '').trim();

/** The archive's URL for a page on `origin`, or undefined when the build has none. */
export function basemapArchiveUrl(origin: string, value: string = configured): string | undefined {
	if (!value) return undefined;
	if (/^https?:\/\//i.test(value)) return value;
	// A path under static/: served by the site itself, at the root of its origin.
	const path = value.replace(/^\/+/, '').replace(/^static\//, '');
	return `${origin.replace(/\/$/, '')}/${path}`;
}
