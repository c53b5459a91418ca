/**
 * The map as drawn, copied onto a canvas of its own, for the picture of the view. Loaded when
 * a picture is asked for: a first view never needs it.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Drawn again at `pixelRatio` device pixels per CSS pixel, copied in the frame it is drawn in
 * (WebGL keeps no picture after it), and the ratio put back.
 */
export async function capture(m: MapLibreMap, pixelRatio: number): Promise<HTMLCanvasElement> {
	const before = m.getPixelRatio();
	try {
		if (pixelRatio !== before) {
			m.setPixelRatio(pixelRatio);
			// Tiles, glyphs and icons at the new ratio.
			await new Promise<void>((resolve) => m.once('idle', () => resolve()));
		}
		return await new Promise<HTMLCanvasElement>((resolve) => {
			m.once('render', () => {
				const source = m.getCanvas();
				const out = document.createElement('canvas');
				out.width = source.width;
				out.height = source.height;
				out.getContext('2d')?.drawImage(source, 0, 0);
				resolve(out);
			});
			m.triggerRepaint();
		});
	} finally {
		if (m.getPixelRatio() !== before) m.setPixelRatio(before);
	}
}
