/**
 * The story's regions of the basemap (where its tiles go deeper than the world's), as the
 * generator recorded them in static/generated/basemap/metadata.json. Read at build time and
 * inlined, so the map needs no extra request before it starts. A glob rather than an import:
 * without a generated basemap (type checks, lint) there is nothing to read, and the map simply
 * has no detail areas.
 */
import type { BasemapDetail } from './basemap-style';

const found = import.meta.glob<BasemapDetail | null>('/static/generated/basemap/metadata.json', {
	eager: true,
	import: 'detail'
});

export const BASEMAP_DETAIL: BasemapDetail | null = Object.values(found)[0] ?? null;
