/**
 * Marker shapes by kind, so that no distinction on the map rests on colour alone.
 * One outline per shape feeds both the map (rasterised here into RGBA images for
 * `map.addImage`, no sprite file and no network) and the legend (an SVG polygon), so the
 * two always match. Pure: no canvas, testable in node.
 */
import { iconKinds, kindStyle, type KindTable, type MarkerShape } from '$lib/story/kinds';

export type Shape = MarkerShape;

/** The marker shape of each point kind drawn as an icon, in a kind table. */
export const kindShapes = (kinds: KindTable): Record<string, Shape> =>
	Object.fromEntries(iconKinds(kinds).map((kind) => [kind, kinds[kind].symbol as Shape]));

/** A kind's marker shape; kinds without one are circles. */
export const shapeOf = (kind: string, kinds: KindTable): Shape =>
	kindShapes(kinds)[kind] ?? 'circle';

/** The image id a kind's marker is registered under (`icon-image`). */
export const iconId = (kind: string) => `marker-${kind}`;

function regular(n: number, r: number, rotation = -Math.PI / 2): [number, number][] {
	return Array.from({ length: n }, (_, i) => {
		const a = rotation + (i * 2 * Math.PI) / n;
		return [Math.cos(a) * r, Math.sin(a) * r];
	});
}

/** The outline of a shape in a unit box centred on 0,0 (radius about 1). */
export function outline(shape: Shape): [number, number][] {
	switch (shape) {
		case 'triangle':
			return regular(3, 1.15).map(([x, y]) => [x, y + 0.15]);
		case 'diamond':
			return regular(4, 1.1);
		case 'square':
			return regular(4, 1.2, Math.PI / 4);
		case 'hexagon':
			return regular(6, 1.05, 0);
		case 'star':
			return regular(10, 1.15).map(([x, y], i) => (i % 2 ? [x * 0.45, y * 0.45] : [x, y]));
		case 'cross': {
			const a = 0.38;
			const b = 1;
			return [
				[-a, -b],
				[a, -b],
				[a, -a],
				[b, -a],
				[b, a],
				[a, a],
				[a, b],
				[-a, b],
				[-a, a],
				[-b, a],
				[-b, -a],
				[-a, -a]
			];
		}
		case 'circle':
			return regular(32, 1);
	}
}

/** SVG `points` for the legend, in a box of `size` px. */
export function svgPoints(shape: Shape, size: number): string {
	const h = size / 2;
	const scale = h * 0.8;
	return outline(shape)
		.map(([x, y]) => `${(h + x * scale).toFixed(2)},${(h + y * scale).toFixed(2)}`)
		.join(' ');
}

function inside(poly: [number, number][], x: number, y: number): boolean {
	let hit = false;
	for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
		const [xi, yi] = poly[i];
		const [xj, yj] = poly[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
	}
	return hit;
}

function rgb(hex: string): [number, number, number] {
	return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

export interface IconImage {
	width: number;
	height: number;
	data: Uint8Array;
}

/**
 * A marker as RGBA pixels: the shape filled with `fill`, with a white rim so it stands out
 * on any ground, anti-aliased by 4×4 supersampling. `pixelRatio` pixels per CSS pixel.
 */
export function rasterise(shape: Shape, fill: string, size = 18, pixelRatio = 2): IconImage {
	const n = Math.round(size * pixelRatio);
	const data = new Uint8Array(n * n * 4);
	const poly = outline(shape);
	const [r, g, b] = rgb(fill);
	const rim = 0.22; // the white rim, in the shape's units
	const scale = (n / 2) * 0.78;
	const grown = poly.map(([x, y]) => {
		const len = Math.hypot(x, y) || 1;
		return [x * (1 + rim / len), y * (1 + rim / len)] as [number, number];
	});
	const S = 4;
	for (let py = 0; py < n; py++) {
		for (let px = 0; px < n; px++) {
			let inner = 0;
			let outer = 0;
			for (let sy = 0; sy < S; sy++) {
				for (let sx = 0; sx < S; sx++) {
					const x = (px + (sx + 0.5) / S - n / 2) / scale;
					const y = (py + (sy + 0.5) / S - n / 2) / scale;
					if (inside(poly, x, y)) inner++;
					else if (inside(grown, x, y)) outer++;
				}
			}
			const total = S * S;
			const a = (inner + outer) / total;
			if (a === 0) continue;
			// Mix fill and white by how much of the pixel each covers.
			const f = inner / (inner + outer);
			const i = (py * n + px) * 4;
			data[i] = Math.round(r * f + 255 * (1 - f));
			data[i + 1] = Math.round(g * f + 255 * (1 - f));
			data[i + 2] = Math.round(b * f + 255 * (1 - f));
			data[i + 3] = Math.round(a * 255);
		}
	}
	return { width: n, height: n, data };
}

/** Every marker image the story layers may ask for, by image id: one per icon kind of the table. */
export function markerImages(kinds: KindTable, pixelRatio = 2): Record<string, IconImage> {
	const out: Record<string, IconImage> = {};
	for (const [kind, shape] of Object.entries(kindShapes(kinds))) {
		out[iconId(kind)] = rasterise(shape, kindStyle(kinds, kind).colour, 18, pixelRatio);
	}
	return out;
}
