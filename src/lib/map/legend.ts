/**
 * How each kind looks, for the legend: the same colours and shapes as the map style,
 * so the legend can never drift from what is drawn.
 */
import { kindStyle, type KindTable } from '$lib/story/kinds';
import { kindShapes, svgPoints } from './icons';

export type SwatchShape = 'marker' | 'dot' | 'ring' | 'line' | 'dashed' | 'arrow' | 'area' | 'text';

export interface Swatch {
	kind: string;
	shape: SwatchShape;
	colour: string;
	label: string;
	/** For markers: the outline as SVG polygon points in a 14 px box (the map's icon shape). */
	points?: string;
}

/** Lines at least this wide (px) show their arrows inside the swatch; thinner ones cannot hold them. */
const ARROW_SWATCH_WIDTH = 4;

function shapeOf(kind: string, kinds: KindTable): SwatchShape {
	const style = kindStyle(kinds, kind);
	if (style.geometry === 'area') return 'area';
	if (style.geometry === 'line') {
		if (style.dashed) return 'dashed';
		if (style.arrows && (style.width ?? 0) >= ARROW_SWATCH_WIDTH) return 'arrow';
		return 'line';
	}
	if (style.symbol === 'ring') return 'ring';
	if (style.symbol === 'label') return 'text';
	if (kind in kindShapes(kinds)) return 'marker';
	return 'dot';
}

/** How a kind of the table looks in the legend. */
export function swatch(kind: string, kinds: KindTable): Swatch {
	const shape = kindShapes(kinds)[kind];
	return {
		kind,
		shape: shapeOf(kind, kinds),
		colour: kindStyle(kinds, kind).colour,
		label: kindStyle(kinds, kind).label,
		points: shape ? svgPoints(shape, 14) : undefined
	};
}
