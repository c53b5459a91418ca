/**
 * The self-hosted PMTiles basemap: our small archive writer, read back by the `pmtiles`
 * package's own reader; the archive made from our tiles; the style over it; byte ranges
 * as scripts/serve.js answers them (PMTiles is read by range requests).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PMTiles, type Source } from 'pmtiles';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { writePmtiles } from '../../scripts/pmtiles/writer.js';
import { byteRange } from '../../scripts/serve.js';
import { basemapArchiveUrl } from '$lib/map/basemap-archive';
import { FONT_BOLD, FONT_REGULAR } from '$lib/map/basemap-style';
import { protomapsStyle } from '$lib/map/protomaps-style';

/** An archive in memory, read the way a browser reads it: by ranges. */
function memorySource(bytes: Uint8Array): Source {
	return {
		getKey: () => 'memory',
		getBytes: async (offset: number, length: number) => ({
			data: bytes.slice(offset, offset + length).buffer
		})
	};
}

const tile = fc.record({
	z: fc.integer({ min: 0, max: 6 }),
	x: fc.nat(),
	y: fc.nat(),
	data: fc.uint8Array({ minLength: 0, maxLength: 40 })
});

describe('the PMTiles writer', () => {
	it('writes archives the pmtiles reader reads back tile for tile (property)', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(tile, { minLength: 1, maxLength: 60 }), async (raw) => {
				// One tile per z/x/y, inside its zoom's grid.
				const byKey = new Map(
					raw.map((t) => {
						const n = 2 ** t.z;
						const c = { ...t, x: t.x % n, y: t.y % n };
						return [`${c.z}/${c.x}/${c.y}`, c];
					})
				);
				const tiles = [...byKey.values()];
				fc.pre(tiles.some((t) => t.data.length > 0));
				const bytes = writePmtiles({
					tiles,
					metadata: { name: 'test' },
					bounds: [-180, -85, 180, 85],
					center: [2, 10, 20]
				});
				const archive = new PMTiles(memorySource(bytes));
				const header = await archive.getHeader();
				expect(header.specVersion).toBe(3);
				expect(header.centerZoom).toBe(2);
				expect(await archive.getMetadata()).toEqual({ name: 'test' });
				for (const t of tiles) {
					const got = await archive.getZxy(t.z, t.x, t.y);
					if (t.data.length === 0) expect(got).toBeUndefined();
					else expect(new Uint8Array(got!.data)).toEqual(t.data);
				}
			}),
			{ numRuns: 30 }
		);
	});

	it('refuses an archive with no tile', () => {
		expect(() =>
			writePmtiles({ tiles: [], metadata: {}, bounds: [0, 0, 1, 1], center: [0, 0, 0] })
		).toThrow(/no tile/);
	});
});

describe('byte ranges (scripts/serve.js)', () => {
	it('answers the ranges a PMTiles reader asks for', () => {
		expect(byteRange('bytes=0-16383', 100_000)).toEqual({ start: 0, end: 16_383 });
		expect(byteRange('bytes=99990-', 100_000)).toEqual({ start: 99_990, end: 99_999 });
		expect(byteRange('bytes=-10', 100_000)).toEqual({ start: 99_990, end: 99_999 });
		expect(byteRange('bytes=0-16383', 100)).toEqual({ start: 0, end: 99 });
		expect(byteRange('bytes=200-300', 100)).toBe('unsatisfiable');
		expect(byteRange(undefined, 100)).toBeNull();
		expect(byteRange('bytes=0-1,5-6', 100)).toBeNull();
		expect(byteRange('items=0-1', 100)).toBeNull();
	});
});

describe('the style over a PMTiles archive', () => {
	const style = protomapsStyle('https://example.org', 'https://example.org/basemap.pmtiles');

	it('validates, reads the archive through pmtiles://, and names only our fonts', () => {
		expect(validateStyleMin(style)).toEqual([]);
		expect(style.sources.protomaps).toMatchObject({
			type: 'vector',
			url: 'pmtiles://https://example.org/basemap.pmtiles'
		});
		expect(style.glyphs).toBe('https://example.org/generated/glyphs/{fontstack}/{range}.pbf');
		const fonts = new Set<string>();
		const walk = (v: unknown): void => {
			if (typeof v === 'string' && v.startsWith('Noto')) fonts.add(v);
			else if (Array.isArray(v)) v.forEach(walk);
			else if (v && typeof v === 'object') Object.values(v).forEach(walk);
		};
		style.layers.forEach((l) => walk(l.layout));
		expect([...fonts].sort()).toEqual([FONT_BOLD, FONT_REGULAR].sort());
		// No sprite, so no layer may ask for an icon.
		expect(style.sprite).toBeUndefined();
		expect(style.layers.some((l) => l.layout && 'icon-image' in l.layout)).toBe(false);
	});

	it('finds the archive under static/ on the site’s own origin, or at its URL', () => {
		expect(basemapArchiveUrl('https://maps.example.org', 'generated/x.pmtiles')).toBe(
			'https://maps.example.org/generated/x.pmtiles'
		);
		expect(basemapArchiveUrl('https://maps.example.org/', '/static/tiles/x.pmtiles')).toBe(
			'https://maps.example.org/tiles/x.pmtiles'
		);
		expect(basemapArchiveUrl('https://a.org', 'https://tiles.example.net/x.pmtiles')).toBe(
			'https://tiles.example.net/x.pmtiles'
		);
		expect(basemapArchiveUrl('https://a.org', '')).toBeUndefined();
	});
});
