/**
 * How each kind looks, for the legend: the same colours and shapes as the map style,
 * so the legend can never drift from what is drawn.
 */
import { KIND_COLOURS, DASHED_KINDS } from './story-style';
import { KIND_SHAPES, shapeOf as markerShape, svgPoints } from './icons';

export type SwatchShape = 'marker' | 'dot' | 'ring' | 'line' | 'dashed' | 'arrow' | 'area' | 'text';

export interface Swatch {
	kind: string;
	shape: SwatchShape;
	colour: string;
	label: string;
	/** For markers: the outline as SVG polygon points in a 14 px box (the map's icon shape). */
	points?: string;
}

const LABELS: Record<string, string> = {
	attack: 'Attack',
	crash: 'Plane crash',
	shootdown: 'Jet shot down',
	diplomacy: 'Diplomacy',
	airstrike: 'Air strikes',
	airbase: 'Air base',
	'smuggling-route': 'Alleged smuggling route (arrows show direction)',
	'oil-field': 'Oil area',
	claim: 'Disputed claim (ring)',
	border: 'Border',
	'flight-path': 'Flight path, flown',
	'flight-path-unflown': 'Flight path, never flown (dashed)',
	uncertainty: 'Uncertainty area (translucent)',
	place: 'Place name'
};

function shapeOf(kind: string): SwatchShape {
	if (kind === 'claim') return 'ring';
	if (kind === 'place') return 'text';
	if (kind === 'uncertainty') return 'area';
	if (kind === 'smuggling-route') return 'arrow';
	if (DASHED_KINDS.includes(kind)) return 'dashed';
	if (kind === 'flight-path') return 'line';
	if (kind in KIND_SHAPES) return 'marker';
	return 'dot';
}

export function swatch(kind: string, geometryHint?: 'area'): Swatch {
	return {
		kind,
		shape: geometryHint ?? shapeOf(kind),
		colour: KIND_COLOURS[kind] ?? '#555555',
		label: LABELS[kind] ?? kind,
		points: kind in KIND_SHAPES ? svgPoints(markerShape(kind), 14) : undefined
	};
}
