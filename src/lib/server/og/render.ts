/**
 * Preview images as PNG: the composed SVG rasterised by sharp (libvips, from npm: no browser,
 * no system fonts needed since every letter is already an outline). Build time only.
 */
import sharp from 'sharp';
import { loadNaturalEarth } from '$lib/geo/natural-earth-file';
import type { Scale } from '$lib/geo/natural-earth';
import { basemapOf } from './basemap';
import { composeOgSvg, type OgAssets, type OgCard } from './compose';
import { loadCardFonts } from './fonts';

/** Fonts and Natural Earth from node_modules, each loaded once per process. */
export function defaultAssets(): OgAssets {
	return {
		fonts: loadCardFonts(),
		basemap: (scale: Scale) => basemapOf(loadNaturalEarth(scale))
	};
}

/**
 * An SVG as a PNG of its own size. Palette PNG: the picture is flat colours and anti-aliased
 * edges, which 256 colours hold without visible loss, at a third of the size of RGB.
 */
export async function svgToPng(svg: string): Promise<Buffer> {
	return sharp(Buffer.from(svg), { density: 72 })
		.png({ palette: true, quality: 95, effort: 7, compressionLevel: 9 })
		.toBuffer();
}

/** The preview image of a card, as PNG. */
export async function renderCardPng(
	card: OgCard,
	assets: OgAssets = defaultAssets()
): Promise<Buffer> {
	return svgToPng(composeOgSvg(card, assets));
}
