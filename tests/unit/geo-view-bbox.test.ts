/**
 * A centre-and-zoom view as the frame it shows (`viewBBox`): the frame of a 1200 × 630 window
 * at that zoom, centred where the view says, in Web Mercator with 512 px tiles.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VIEW_WINDOW, viewBBox } from '$lib/geo/bounds';

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

describe('viewBBox', () => {
	it('spans the window at the zoom, centred on the view (property)', () => {
		fc.assert(
			fc.property(
				fc.double({ min: -150, max: 150, noNaN: true }),
				fc.double({ min: -70, max: 70, noNaN: true }),
				fc.double({ min: 2, max: 12, noNaN: true }),
				(lng, lat, zoom) => {
					const [west, south, east, north] = viewBBox([lng, lat], zoom);
					const world = 512 * 2 ** zoom;
					expect(east - west).toBeCloseTo((VIEW_WINDOW.width * 360) / world, 4);
					expect((west + east) / 2).toBeCloseTo(lng, 5);
					const height = ((mercatorY(north) - mercatorY(south)) * world) / (2 * Math.PI);
					if (north < 85 && south > -85) expect(height).toBeCloseTo(VIEW_WINDOW.height, 0);
					expect((mercatorY(north) + mercatorY(south)) / 2).toBeCloseTo(mercatorY(lat), 4);
				}
			)
		);
	});

	it('a smaller zoom shows more', () => {
		const near = viewBBox([34, 44], 6);
		const far = viewBBox([34, 44], 4);
		expect(far[2] - far[0]).toBeCloseTo(4 * (near[2] - near[0]), 4);
	});
});
