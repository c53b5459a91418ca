/**
 * A preview image (Open Graph / Twitter card, 1200×630) as SVG: a static map of the event
 * with its features, and a band with the title, date and place, every letter an outline.
 * Pure: fonts and basemap come in as arguments; `render.ts` turns the SVG into a PNG.
 */
import type { Scale } from '$lib/geo/natural-earth';
import type { BBox, CompiledFeature } from '$lib/story/compiled';
import { isEventKind, UNCERTAINTY_KIND, type KindTable } from '$lib/story/kinds';
import { basemapPaths, type Basemap } from './basemap';
import {
	basemapScaleFor,
	colourOf,
	featureMarks,
	fitProjection,
	visibleBBox,
	type Rect
} from './card-map';
import type { CardFonts } from './fonts';
import { fitLine, measureText, textPathData, wrapText } from './text-paths';
import { OG_HEIGHT, OG_WIDTH } from '$lib/meta/links';

export { OG_HEIGHT, OG_WIDTH };

/** What one picture shows. */
export interface OgCard {
	/** Wrapped to two lines, ellipsised beyond. */
	title: string;
	/** One line under the title (date · place), ellipsised. */
	subtitle: string;
	/** What the map frames (lon/lat). */
	bbox: BBox;
	/** Drawn over the basemap, in draw order. */
	features: CompiledFeature[];
	/** Per layer, who makes its claims, in the legend's order (claims are coloured by claimant). */
	claimants: Record<string, string[]>;
	/** How the story's kinds look. */
	kinds: KindTable;
}

export interface OgAssets {
	fonts: CardFonts;
	basemap: (scale: Scale) => Basemap;
}

export const CREDIT = 'Map data: Natural Earth';

const COLOURS = {
	water: '#c8dbe7',
	land: '#f2ede3',
	coast: '#8ca6b6',
	border: '#9c8f7e',
	band: '#1d2935',
	title: '#ffffff',
	subtitle: '#c3cfda',
	credit: '#3b3832'
};

const MARGIN = 56;
const TITLE_SIZE = 46;
const TITLE_LINE = 56;
const SUBTITLE_SIZE = 26;
const CREDIT_SIZE = 16;
const ACCENT = 6;
/** Noto Sans' cap height, as a fraction of the size: where the first line's letters start. */
const CAP_HEIGHT = 0.714;

/** The preview image of `card` as an SVG document of OG_WIDTH × OG_HEIGHT. */
export function composeOgSvg(card: OgCard, assets: OgAssets): string {
	const { fonts } = assets;
	const textWidth = OG_WIDTH - 2 * MARGIN;

	// The band grows with the title: one line leaves more room for the map.
	const titleLines = wrapText(fonts.bold, card.title, TITLE_SIZE, textWidth, 2);
	const lines = Math.max(1, titleLines.length);
	const padTop = 34;
	const bandHeight = padTop + TITLE_SIZE * CAP_HEIGHT + (lines - 1) * TITLE_LINE + 44 + 32;
	const bandTop = Math.round(OG_HEIGHT - bandHeight);
	const firstBaseline = bandTop + padTop + TITLE_SIZE * CAP_HEIGHT;
	const subtitleBaseline = firstBaseline + (lines - 1) * TITLE_LINE + 44;

	const titleD = titleLines
		.map((line, i) =>
			textPathData(fonts.bold, line, MARGIN, firstBaseline + i * TITLE_LINE, TITLE_SIZE)
		)
		.join('');
	const subtitle = fitLine(fonts.regular, card.subtitle, SUBTITLE_SIZE, textWidth);
	const subtitleD = textPathData(fonts.regular, subtitle, MARGIN, subtitleBaseline, SUBTITLE_SIZE);

	// The map fills the space above the band.
	const frame: Rect = { x: 0, y: 0, width: OG_WIDTH, height: bandTop };
	const projection = fitProjection(card.bbox, frame);
	const view = visibleBBox(projection, frame);
	const base = basemapPaths(assets.basemap(basemapScaleFor(view)), projection, view);

	const creditWidth = measureText(fonts.regular, CREDIT, CREDIT_SIZE);
	const credit: Rect = {
		x: OG_WIDTH - creditWidth - 20,
		y: bandTop - CREDIT_SIZE - 14,
		width: creditWidth + 12,
		height: CREDIT_SIZE + 8
	};
	const creditD = textPathData(
		fonts.regular,
		CREDIT,
		credit.x + 6,
		credit.y + credit.height - 7,
		CREDIT_SIZE
	);

	const marks = featureMarks({
		features: card.features,
		projection,
		frame,
		claimants: card.claimants,
		kinds: card.kinds,
		labelFont: fonts.regular,
		avoid: [credit]
	});

	// Kinds that set the scene rather than say what happened (context) do not give the accent.
	const main = card.features.find(
		(f) => f.properties.kind !== UNCERTAINTY_KIND && isEventKind(card.kinds, f.properties.kind)
	);
	const accent = main ? colourOf(main.properties, card.claimants, card.kinds) : COLOURS.border;

	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">`,
		`<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="${COLOURS.water}"/>`,
		base.land && `<path id="land" d="${base.land}" fill="${COLOURS.land}"/>`,
		base.coasts &&
			`<path id="coasts" d="${base.coasts}" fill="none" stroke="${COLOURS.coast}" stroke-width="1.2" stroke-linejoin="round"/>`,
		base.borders &&
			`<path id="borders" d="${base.borders}" fill="none" stroke="${COLOURS.border}" stroke-width="1.4" stroke-linejoin="round"/>`,
		`<g id="features">${marks}</g>`,
		`<rect x="${r(credit.x)}" y="${r(credit.y)}" width="${r(credit.width)}" height="${r(credit.height)}" rx="3" fill="#ffffff" fill-opacity="0.75"/>`,
		`<path id="credit" d="${creditD}" fill="${COLOURS.credit}"/>`,
		`<rect id="band" x="0" y="${bandTop}" width="${OG_WIDTH}" height="${OG_HEIGHT - bandTop}" fill="${COLOURS.band}"/>`,
		`<rect x="0" y="${bandTop}" width="${OG_WIDTH}" height="${ACCENT}" fill="${accent}"/>`,
		titleD && `<path id="title" d="${titleD}" fill="${COLOURS.title}"/>`,
		subtitleD && `<path id="subtitle" d="${subtitleD}" fill="${COLOURS.subtitle}"/>`,
		'</svg>'
	]
		.filter(Boolean)
		.join('\n');
}

const r = (n: number) => (Math.round(n * 10) / 10).toString();
