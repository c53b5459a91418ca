/**
 * The map's style over a self-hosted PMTiles archive in the Protomaps basemap schema: the
 * layers of `@protomaps/basemaps` (its light flavour) on the `pmtiles://` protocol, with our own
 * glyphs and fonts, and no sprite (its few icons, shields and POI symbols, are left out: the
 * site serves no sprite). The story's layers go on top, as over our own basemap. Pure.
 */
import { layers as protomapsLayers, namedFlavor } from '@protomaps/basemaps';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { FONT_BOLD, FONT_REGULAR } from './basemap-style';

export const PROTOMAPS_SOURCE = 'protomaps';

/** Layers whose only content is an icon from a sprite we do not have. */
const ICON_LAYERS = new Set(['pois', 'roads_oneway', 'roads_shields']);

/** Every font the layers name, replaced by one of the two the site has glyphs for. */
function ownFonts<T>(value: T): T {
	if (typeof value === 'string')
		return (value.startsWith('Noto Sans') && value !== FONT_BOLD ? FONT_REGULAR : value) as T;
	if (Array.isArray(value)) return value.map(ownFonts) as T;
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ownFonts(v)])) as T;
	return value;
}

export function protomapsStyle(origin: string, archiveUrl: string): StyleSpecification {
	const base = origin.replace(/\/$/, '');
	const flavor = {
		...namedFlavor('light'),
		regular: FONT_REGULAR,
		bold: FONT_BOLD,
		italic: FONT_REGULAR
	};
	const layers = (protomapsLayers(PROTOMAPS_SOURCE, flavor, { lang: 'en' }) as LayerSpecification[])
		.filter((l) => !ICON_LAYERS.has(l.id))
		.map((l) => {
			if (l.type !== 'symbol' || !l.layout) return l;
			const { 'icon-image': _icon, ...layout } = l.layout;
			return { ...l, layout: ownFonts(layout) };
		});
	return {
		version: 8,
		name: 'Self-hosted PMTiles (Protomaps schema)',
		glyphs: `${base}/generated/glyphs/{fontstack}/{range}.pbf`,
		sources: {
			[PROTOMAPS_SOURCE]: {
				type: 'vector',
				url: `pmtiles://${archiveUrl}`,
				// Credited by the page itself (Attribution.svelte).
				attribution: ''
			}
		},
		layers
	};
}
