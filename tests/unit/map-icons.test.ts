import { describe, expect, it } from 'vitest';
import {
	kindShapes,
	markerImages,
	outline,
	rasterise,
	svgPoints,
	type Shape
} from '../../src/lib/map/icons';
import { BUILT_IN_KINDS } from '../../src/lib/story/kinds';

/** The built-in kinds' shapes. */
const KIND_SHAPES = kindShapes(BUILT_IN_KINDS);

const shapes: Shape[] = ['triangle', 'diamond', 'star', 'square', 'cross', 'hexagon', 'circle'];

function coverage(img: { data: Uint8Array }): number {
	let n = 0;
	for (let i = 3; i < img.data.length; i += 4) if (img.data[i] > 128) n++;
	return n;
}

describe('marker shapes', () => {
	it('every point kind has a shape, and no two kinds share one', () => {
		const used = Object.values(KIND_SHAPES);
		expect(new Set(used).size).toBe(used.length);
	});

	it('rasterise to images of the asked size, filled in the middle and clear at the corners', () => {
		for (const shape of shapes) {
			const img = rasterise(shape, '#D55E00', 18, 2);
			expect(img.width).toBe(36);
			expect(img.data.length).toBe(36 * 36 * 4);
			const centre = (18 * 36 + 18) * 4;
			expect(img.data[centre + 3], shape).toBe(255);
			expect([img.data[centre], img.data[centre + 1], img.data[centre + 2]], shape).toEqual([
				0xd5, 0x5e, 0x00
			]);
			expect(img.data[3], `${shape} corner`).toBe(0);
		}
	});

	it('look different from one another', () => {
		const images = shapes.map((s) => rasterise(s, '#000000', 18, 2));
		for (let a = 0; a < images.length; a++) {
			for (let b = a + 1; b < images.length; b++) {
				let differing = 0;
				for (let i = 3; i < images[a].data.length; i += 4) {
					if (Math.abs(images[a].data[i] - images[b].data[i]) > 100) differing++;
				}
				expect(differing, `${shapes[a]} vs ${shapes[b]}`).toBeGreaterThan(30);
			}
		}
		expect(coverage(images[2])).toBeLessThan(coverage(images[6]));
	});

	it('give the legend the same outline as the map', () => {
		const pts = svgPoints('triangle', 14).split(' ');
		expect(pts).toHaveLength(outline('triangle').length);
		for (const p of pts) {
			const [x, y] = p.split(',').map(Number);
			expect(x >= 0 && x <= 14 && y >= 0 && y <= 14).toBe(true);
		}
	});

	it('registers one image per shaped kind', () => {
		expect(Object.keys(markerImages(BUILT_IN_KINDS, 1)).sort()).toEqual(
			Object.keys(KIND_SHAPES)
				.map((k) => `marker-${k}`)
				.sort()
		);
	});
});
