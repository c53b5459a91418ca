/**
 * The `map=<zoom>/<lat>/<lng>[/<bearing>/<pitch>]` value of the URL hash: MapLibre's
 * `hash: 'map'` form (maplibre-gl-js `src/ui/hash.ts`), parsed with range checks and written
 * with MapLibre's precision, so links made by either keep working in the other.
 *
 * Pure: no DOM, no MapLibre import. See `hash-state.ts` for the whole hash.
 */

/** A camera position. Angles in degrees; `pitch` 0 looks straight down. */
export interface MapView {
	zoom: number;
	lat: number;
	lng: number;
	/** Clockwise from north, in [0, 360). */
	bearing: number;
	/** In [0, MAX_PITCH]. */
	pitch: number;
}

/** Web Mercator cannot show latitudes beyond this (MapLibre's limit is 85.051129…). */
export const LAT_LIMIT = 85.0511;
/** MapLibre's default `maxPitch`; a steeper link is clamped to it. */
export const MAX_PITCH = 85;

export interface ZoomBounds {
	minZoom: number;
	maxZoom: number;
}

/**
 * Decimals MapLibre writes for lat/lng at a zoom: enough to place the centre within about a
 * pixel, no more (a zoom-1 link needs 1 decimal, a zoom-14 one 5).
 */
export function coordinateDecimals(zoom: number): number {
	const decimals = Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10);
	// toFixed throws outside 0–100; an absurd zoom must not make serializing throw.
	return Number.isFinite(decimals) ? Math.min(10, Math.max(0, decimals)) : 0;
}

/**
 * A plain decimal number as written in URLs: `12`, `-0.5`, `.5`, `1e-7` (what `String(n)`
 * may print). Stricter than `Number()`, which also accepts `''`, `' 1 '`, `0x1f` and
 * `Infinity`.
 */
const decimalPattern = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

const partNames = ['zoom', 'latitude', 'longitude', 'bearing', 'pitch'] as const;

/** Short, printable excerpt of a raw value for a notice (notices never echo much URL text). */
export function excerpt(raw: string, max = 20): string {
	// Control, format (bidi overrides, zero-width) and unpaired surrogate code points would
	// make the notice misleading or unreadable.
	const chars = Array.from(raw.length > max * 4 ? raw.slice(0, max * 4) : raw, (c) =>
		/^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]$/u.test(c) ? '\uFFFD' : c
	);
	return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

/** `x` wrapped into [low, low + 360). */
function wrapDegrees(x: number, low: number): number {
	// Values already in range are returned as they are: `%` and `+ 360` would add float noise.
	if (x >= low && x < low + 360) return x;
	return ((((x - low) % 360) + 360) % 360) + low;
}

/** Longitude wrapped into [-180, 180), as MapLibre's `LngLat.wrap` does (but half-open). */
export function wrapLng(lng: number): number {
	return wrapDegrees(lng, -180);
}

/** Bearing normalised into [0, 360). */
export function normalizeBearing(bearing: number): number {
	// `+ 0` turns -0 into 0.
	return wrapDegrees(bearing, 0) + 0;
}

const clamp = (x: number, low: number, high: number) => Math.min(high, Math.max(low, x));

/**
 * Parse a decoded `map` value. Zoom is clamped into the bounds and pitch into [0, 85]
 * (clamping is not an error); longitude and bearing are wrapped. A latitude outside
 * ±LAT_LIMIT, a missing part or anything that is not a finite decimal number rejects the
 * whole value, with a reason that is safe to show as text.
 */
export function parseView(
	value: string,
	bounds: ZoomBounds
): { view: MapView } | { reason: string } {
	if (value === '') return { reason: 'is empty' };
	const parts = value.split('/');
	// MapLibre writes 3 parts, 4 when only the bearing is set, 5 with pitch.
	if (parts.length < 3 || parts.length > 5) {
		return { reason: 'should be zoom/latitude/longitude, optionally followed by /bearing/pitch' };
	}
	const numbers: number[] = [];
	for (const [i, part] of parts.entries()) {
		const name = partNames[i];
		if (part === '') return { reason: `${name} is missing` };
		if (!decimalPattern.test(part)) return { reason: `${name} "${excerpt(part)}" is not a number` };
		const n = Number(part);
		if (!Number.isFinite(n)) return { reason: `${name} "${excerpt(part)}" is not a finite number` };
		numbers.push(n);
	}
	const [zoom, lat, lng, bearing = 0, pitch = 0] = numbers;
	if (Math.abs(lat) > LAT_LIMIT) {
		const swapped = Math.abs(lng) <= LAT_LIMIT && Math.abs(lat) <= 180;
		return {
			reason:
				`latitude ${excerpt(String(lat))} is out of range (−${LAT_LIMIT} to ${LAT_LIMIT})` +
				(swapped ? '; latitude and longitude swapped?' : '')
		};
	}
	return {
		view: {
			zoom: clamp(zoom, bounds.minZoom, bounds.maxZoom),
			lat: lat + 0,
			lng: wrapLng(lng) + 0,
			bearing: normalizeBearing(bearing),
			pitch: clamp(pitch, 0, MAX_PITCH)
		}
	};
}

/**
 * `n` with at most `decimals` decimals and no trailing zeros, never `-0`: the way
 * MapLibre prints `Math.round(n * 10 ** d) / 10 ** d`, without exponent notation.
 */
function formatNumber(n: number, decimals: number): string {
	const fixed = n.toFixed(decimals);
	const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
	return trimmed === '-0' ? '0' : trimmed;
}

/** Round to `decimals` through the same decimal text `formatNumber` writes. */
const roundTo = (n: number, decimals: number) => Number(n.toFixed(decimals));

/**
 * Write a view in MapLibre's form: zoom to 2 decimals, lat/lng with the precision the zoom
 * needs, bearing to 0.1° and pitch to 1°, both left out when they round to 0. Values are
 * normalised after rounding (a longitude that rounds to 180 is written −180, a bearing that
 * rounds to 360 is 0, a latitude is never rounded past ±LAT_LIMIT), so that parsing the
 * result and writing it again gives the same text. `null` when a number is not finite.
 */
export function formatView(view: MapView): string | null {
	const { zoom, lat, lng, bearing, pitch } = view;
	if (![zoom, lat, lng, bearing, pitch].every(Number.isFinite)) return null;
	const z = roundTo(zoom, 2);
	const d = coordinateDecimals(z);
	let y = roundTo(clamp(lat, -LAT_LIMIT, LAT_LIMIT), d);
	if (Math.abs(y) > LAT_LIMIT) y = roundTo(y - Math.sign(y) * 10 ** -d, d);
	let x = roundTo(wrapLng(lng), d);
	if (x >= 180) x -= 360;
	const b = normalizeBearing(roundTo(normalizeBearing(bearing), 1));
	const p = Math.round(clamp(pitch, 0, MAX_PITCH));
	let text = `${formatNumber(z, 2)}/${formatNumber(y, d)}/${formatNumber(x, d)}`;
	if (b !== 0 || p !== 0) text += `/${formatNumber(b, 1)}/${formatNumber(p, 0)}`;
	return text;
}
