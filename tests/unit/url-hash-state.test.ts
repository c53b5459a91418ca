import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	MAX_HASH_CHARS,
	MAX_HASH_PAIRS,
	hashEntries,
	parseHash,
	serializeHash,
	withHashKeys,
	type HashContext,
	type HashState
} from '../../src/lib/url/hash-state';
import { LAT_LIMIT, MAX_PITCH, coordinateDecimals } from '../../src/lib/url/view';
import { MAP_MAX_ZOOM, MAP_MIN_ZOOM } from '../../src/lib/map/basemap-style';
import { dayIndex, fromDayIndex, isRealDate } from '../../src/lib/time/window';

const passageIds = Array.from({ length: 16 }, (_, i) => `p${i + 1}`);
const layerIds = ['areas', 'routes', 'sites', 'events', 'claims'];
const defaultLayers = ['areas', 'routes', 'sites', 'events'];
const ctx: HashContext = { passageIds, layerIds, minZoom: MAP_MIN_ZOOM, maxZoom: MAP_MAX_ZOOM };

const parse = (hash: string) => parseHash(hash, ctx);
const reasons = (hash: string) => parse(hash).ignored.map((i) => `${i.key}: ${i.reason}`);

/** Every value `parseHash` returns is usable as is. */
function expectUsable(result: ReturnType<typeof parseHash>) {
	const { view, passage, layers, time } = result.state;
	if (view) {
		expect(view.zoom).toBeGreaterThanOrEqual(MAP_MIN_ZOOM);
		expect(view.zoom).toBeLessThanOrEqual(MAP_MAX_ZOOM);
		expect(Math.abs(view.lat)).toBeLessThanOrEqual(LAT_LIMIT);
		expect(view.lng).toBeGreaterThanOrEqual(-180);
		expect(view.lng).toBeLessThan(180);
		expect(view.bearing).toBeGreaterThanOrEqual(0);
		expect(view.bearing).toBeLessThan(360);
		expect(view.pitch).toBeGreaterThanOrEqual(0);
		expect(view.pitch).toBeLessThanOrEqual(MAX_PITCH);
	}
	if (passage !== undefined) expect(passageIds).toContain(passage);
	if (layers !== undefined) {
		for (const id of layers) expect(layerIds).toContain(id);
		expect(new Set(layers).size).toBe(layers.length);
	}
	if (time !== undefined) {
		expect(time.from !== undefined || time.to !== undefined).toBe(true);
		if (time.from !== undefined) expect(isRealDate(time.from)).toBe(true);
		if (time.to !== undefined) expect(isRealDate(time.to)).toBe(true);
		if (time.from !== undefined && time.to !== undefined) expect(time.from <= time.to).toBe(true);
	}
	for (const { key, reason } of result.ignored) {
		expect(['map', 'passage', 'layers', 't', 'hash']).toContain(key);
		expect(reason.length).toBeGreaterThan(0);
		// Reasons quote at most ~40 characters of the URL.
		expect(reason.length).toBeLessThanOrEqual(120);
	}
}

/** serialize ∘ parse is idempotent, and what it writes parses without a notice. */
function expectFixedPoint(hash: string) {
	for (const opts of [{}, { defaultLayers }]) {
		const once = serializeHash(parse(hash).state, opts);
		const reparsed = parse(once);
		expect(reparsed.ignored).toEqual([]);
		expect(serializeHash(reparsed.state, opts)).toBe(once);
	}
}

describe('parseHash: well-formed hashes', () => {
	it('reads every key, with or without #', () => {
		for (const prefix of ['#', '']) {
			expect(
				parse(
					`${prefix}map=5.5/48.8566/2.3522&passage=p3&layers=sites,events&t=2015-11-13..2015-11-27`
				)
			).toEqual({
				state: {
					view: { zoom: 5.5, lat: 48.8566, lng: 2.3522, bearing: 0, pitch: 0 },
					passage: 'p3',
					layers: ['sites', 'events'],
					time: { from: '2015-11-13', to: '2015-11-27' }
				},
				ignored: []
			});
		}
	});

	it('reads bearing and pitch, and MapLibre’s 4-part form (bearing only)', () => {
		expect(parse('map=3/45/12/30.5/40').state.view).toEqual({
			zoom: 3,
			lat: 45,
			lng: 12,
			bearing: 30.5,
			pitch: 40
		});
		expect(parse('map=3/45/12/30').state.view).toEqual({
			zoom: 3,
			lat: 45,
			lng: 12,
			bearing: 30,
			pitch: 0
		});
	});

	it('clamps zoom and pitch, wraps longitude and bearing, without a notice', () => {
		expect(parse('map=20/45/190/-90/100')).toEqual({
			state: { view: { zoom: MAP_MAX_ZOOM, lat: 45, lng: -170, bearing: 270, pitch: MAX_PITCH } },
			ignored: []
		});
		expect(parse('map=0/45/180/720/-5').state.view).toEqual({
			zoom: MAP_MIN_ZOOM,
			lat: 45,
			lng: -180,
			bearing: 0,
			pitch: 0
		});
		expect(parse('map=3/-0/-0').state.view).toEqual({
			zoom: 3,
			lat: 0,
			lng: 0,
			bearing: 0,
			pitch: 0
		});
		expect(parse(`map=3/${LAT_LIMIT}/12`).state.view?.lat).toBe(LAT_LIMIT);
	});

	it('keeps layers in the story’s order, deduplicated; layers= means none', () => {
		expect(parse('layers=events,sites,events').state.layers).toEqual(['sites', 'events']);
		expect(parse('layers=').state.layers).toEqual([]);
		expect(parse('layers').state.layers).toEqual([]);
		expect(parse('layers=,').state.layers).toEqual([]);
	});

	it('reads open-ended windows', () => {
		expect(parse('t=2015-11-20..').state.time).toEqual({ from: '2015-11-20' });
		expect(parse('t=..2015-11-20').state.time).toEqual({ to: '2015-11-20' });
		expect(parse('t=2015-11-20..2015-11-20').state.time).toEqual({
			from: '2015-11-20',
			to: '2015-11-20'
		});
		expect(parse('t=..')).toEqual({ state: {}, ignored: [] });
	});

	it('ignores unknown keys silently and decodes percent-encoded values', () => {
		expect(parse('foo=bar&map=3/45/12&utm_source=x&Map=1/2/3')).toEqual({
			state: { view: { zoom: 3, lat: 45, lng: 12, bearing: 0, pitch: 0 } },
			ignored: []
		});
		expect(parse('passage=%70%31&map=3%2F45%2F12').state).toEqual({
			passage: 'p1',
			view: { zoom: 3, lat: 45, lng: 12, bearing: 0, pitch: 0 }
		});
	});

	it('uses the first of repeated keys, with one notice per key', () => {
		expect(parse('passage=p1&passage=p2&passage=p3')).toEqual({
			state: { passage: 'p1' },
			ignored: [{ key: 'passage', reason: 'appears more than once: the first one is used' }]
		});
		// The first wins even when it is the bad one.
		const result = parse('passage=p99&passage=p2');
		expect(result.state).toEqual({});
		expect(result.ignored.map((i) => i.key)).toEqual(['passage', 'passage']);
	});
});

describe('parseHash: hostile and broken input', () => {
	const view = { zoom: 3, lat: 45, lng: 12, bearing: 0, pitch: 0 };
	const cases: [name: string, hash: string, state: HashState, reasons: RegExp[]][] = [
		['empty hash', '', {}, []],
		['bare #', '#', {}, []],
		['only separators', '&&&', {}, []],
		['# and separators', '#&&map=3/45/12&&', { view }, []],
		// Only one leading # is ours; `#map` is someone else's key (regression: it was stripped twice).
		['double #', '##passage=p1&map=3/45/12', { view }, []],
		['empty map', 'map=', {}, [/^map: is empty$/]],
		['bare map key', 'map', {}, [/^map: is empty$/]],
		['map with two parts', 'map=3/45', {}, [/^map: should be zoom\/latitude\/longitude/]],
		['map with six parts', 'map=3/45/12/0/0/0', {}, [/^map: should be/]],
		['map with an empty part', 'map=3//12', {}, [/^map: latitude is missing$/]],
		['NaN zoom', 'map=NaN/1/2', {}, [/^map: zoom "NaN" is not a number$/]],
		['Infinity zoom', 'map=Infinity/1/2', {}, [/^map: zoom "Infinity" is not a number$/]],
		[
			'-Infinity longitude',
			'map=3/1/-Infinity',
			{},
			[/^map: longitude "-Infinity" is not a number$/]
		],
		['1e309 zoom', 'map=1e309/1/2', {}, [/^map: zoom "1e309" is not a finite number$/]],
		['hex number', 'map=0x10/1/2', {}, [/^map: zoom "0x10" is not a number$/]],
		['padded number', 'map=3/%2045/12', {}, [/^map: latitude " 45" is not a number$/]],
		['non-numeric pitch', 'map=3/45/12/0/steep', {}, [/^map: pitch "steep" is not a number$/]],
		[
			'latitude out of range',
			'map=3/95/170',
			{},
			[/^map: latitude 95 is out of range \(−85\.0511 to 85\.0511\)$/]
		],
		[
			'latitude and longitude swapped',
			'map=3/120/45',
			{},
			[/^map: latitude 120 is out of range .*latitude and longitude swapped\?$/]
		],
		['swapped, negative', 'map=5/-150.5/-33.9', {}, [/latitude -150\.5 .*swapped\?$/]],
		[
			'latitude just past the limit',
			'map=3/85.05111/0',
			{},
			[/^map: latitude 85\.05111 is out of range/]
		],
		['broken percent-encoding', 'passage=%E0%A4%A', {}, [/^passage: has broken percent-encoding/]],
		[
			'broken percent-encoding costs only its key',
			'map=3/45/12&passage=%E0%A4%A&t=%',
			{ view },
			[/^passage: has broken/, /^t: has broken/]
		],
		['encoded lone surrogate', 'passage=%ED%A0%80', {}, [/^passage: has broken percent-encoding/]],
		[
			'markup as passage',
			'passage=<img src=x onerror=alert(1)>',
			{},
			[/^passage: "<img src=x onerror=alert\(1\)>" is not a passage of this article$/]
		],
		[
			'encoded markup as passage',
			'passage=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
			{},
			[/^passage: "<script>alert\(1\)<\/script>" is not a passage/]
		],
		['unknown passage', 'passage=p17', {}, [/^passage: "p17" is not a passage of this article$/]],
		['empty passage', 'passage=', {}, [/^passage: is empty$/]],
		[
			'path traversal as layers',
			'layers=../../etc',
			{},
			[/^layers: unknown layer "\.\.\/\.\.\/etc"$/]
		],
		[
			'known and unknown layers',
			'layers=events,../../etc,nope',
			{ layers: ['events'] },
			[/^layers: unknown layers "\.\.\/\.\.\/etc, nope"$/]
		],
		['impossible date', 't=2015-02-30..2015-03-01', {}, [/^t: 2015-02-30 is not a real date$/]],
		['month 13', 't=..2015-13-01', {}, [/^t: 2015-13-01 is not a real date$/]],
		[
			'window ending before it starts',
			't=2015-12-01..2015-11-01',
			{},
			[/^t: ends \(2015-11-01\) before it starts \(2015-12-01\)$/]
		],
		['single day without ..', 't=2015-11-20', {}, [/^t: should be YYYY-MM-DD\.\.YYYY-MM-DD/]],
		['ISO interval slash', 't=2015-11-01/2015-11-30', {}, [/^t: should be/]],
		['empty window', 't=', {}, [/^t: is empty$/]]
	];

	it.each(cases)('%s', (_name, hash, state, expected) => {
		const result = parse(hash);
		expect(result.state).toEqual(state);
		const got = result.ignored.map((i) => `${i.key}: ${i.reason}`);
		expect(got).toHaveLength(expected.length);
		expected.forEach((pattern, i) => expect(got[i]).toMatch(pattern));
		expectUsable(result);
		expectFixedPoint(hash);
	});

	it('cuts a 20 KB hash, drops the pair cut in half, and says so', () => {
		const huge = `map=3/45/12&passage=p2&junk=${'x'.repeat(20_480)}`;
		const result = parse(`#${huge}`);
		expect(result.state).toEqual({
			view: { zoom: 3, lat: 45, lng: 12, bearing: 0, pitch: 0 },
			passage: 'p2'
		});
		expect(reasons(`#${huge}`)).toEqual([
			`hash: is too long (${huge.length + 1} characters): only the first ${MAX_HASH_CHARS} were read`
		]);
	});

	it('does not read a value cut in half by the cap', () => {
		const pad = `x=${'y'.repeat(MAX_HASH_CHARS - 2 - '&map=3/45/12'.length)}`;
		const hash = `${pad}&map=3/45/12.3456789&passage=p1`;
		expect(hash.slice(0, MAX_HASH_CHARS).endsWith('&map=3/45/12')).toBe(true);
		expect(parse(hash).state).toEqual({});
		expect(parse(hash).ignored.map((i) => i.key)).toEqual(['hash']);
	});

	it('never echoes more than ~40 characters of a long value', () => {
		const long = 'A'.repeat(1500);
		const [notice] = parse(`passage=${long}`).ignored;
		expect(notice.reason).toBe(`"${'A'.repeat(40)}…" is not a passage of this article`);
		const [layersNotice] = parse(
			`layers=${Array.from({ length: 50 }, (_, i) => `layer-${i}`).join(',')}`
		).ignored;
		expect(layersNotice.reason.length).toBeLessThan(70);
		const [mapNotice] = parse(`map=${'9'.repeat(300)}/0/0`).ignored;
		expect(mapNotice).toBeUndefined(); // a huge zoom is a finite number: clamped
		const [latNotice] = parse(`map=3/${'9'.repeat(300)}/0`).ignored;
		expect(latNotice.reason.length).toBeLessThan(80);
	});

	it('neutralises control and bidi characters in notices', () => {
		const [notice] = parse('passage=%E2%80%AEevil%00%0A').ignored;
		expect(notice.reason).toBe('"\uFFFDevil\uFFFD\uFFFD" is not a passage of this article');
		const [lone] = parse('passage=\uD800x').ignored;
		expect(lone.reason).toBe('"\uFFFDx" is not a passage of this article');
	});

	it('stops after 20 pairs, with one notice for a repeated key', () => {
		const hash = Array.from({ length: 500 }, () => 'map=1/2/3').join('&');
		const result = parse(hash);
		expect(result.state.view).toEqual({ zoom: 1, lat: 2, lng: 3, bearing: 0, pitch: 0 });
		expect(result.ignored.map((i) => i.key)).toEqual(['hash', 'map', 'hash']);
		expect(
			parse(`${Array.from({ length: 20 }, (_, i) => `k${i}=1`).join('&')}&passage=p1`).state
		).toEqual({});
		expect(
			parse(`${Array.from({ length: 19 }, (_, i) => `k${i}=1`).join('&')}&passage=p1`).state
		).toEqual({ passage: 'p1' });
	});

	it('treats a non-string as an empty hash rather than throwing', () => {
		expect(parseHash(undefined as unknown as string, ctx)).toEqual({ state: {}, ignored: [] });
	});
});

describe('serializeHash', () => {
	it('writes keys in a fixed order, without #', () => {
		const state: HashState = {
			time: { from: '2015-11-13', to: '2015-11-27' },
			layers: ['sites'],
			passage: 'p3',
			view: { zoom: 5, lat: 48.8566, lng: 2.3522, bearing: 0, pitch: 0 }
		};
		expect(serializeHash(state)).toBe(
			'map=5/48.86/2.35&passage=p3&layers=sites&t=2015-11-13..2015-11-27'
		);
		expect(serializeHash({})).toBe('');
	});

	it('uses MapLibre’s precision: zoom to 2 decimals, lat/lng by zoom, no trailing zeros', () => {
		const at = (zoom: number) =>
			serializeHash({
				view: { zoom, lat: 45.123456789, lng: -12.987654321, bearing: 0, pitch: 0 }
			});
		expect(at(1)).toBe('map=1/45.1/-13');
		expect(at(3.14159)).toBe('map=3.14/45.12/-12.99');
		expect(at(14)).toBe('map=14/45.12346/-12.98765');
		expect(coordinateDecimals(1)).toBe(1);
		expect(coordinateDecimals(14)).toBe(5);
		expect(coordinateDecimals(-100)).toBe(0);
	});

	it('writes bearing and pitch only when one is not 0, MapLibre-rounded', () => {
		const view = { zoom: 3, lat: 45, lng: 12, bearing: 30.04, pitch: 0 };
		expect(serializeHash({ view })).toBe('map=3/45/12/30/0');
		expect(serializeHash({ view: { ...view, bearing: 0, pitch: 40.4 } })).toBe('map=3/45/12/0/40');
		expect(serializeHash({ view: { ...view, bearing: 0.04, pitch: 0.4 } })).toBe('map=3/45/12');
		expect(serializeHash({ view: { ...view, bearing: 359.97, pitch: 0 } })).toBe('map=3/45/12');
	});

	it('keeps rounded values in range so that they parse back', () => {
		const view = { zoom: 1, lat: LAT_LIMIT, lng: 179.99, bearing: 0, pitch: 0 };
		expect(serializeHash({ view })).toBe('map=1/85/-180');
		expect(serializeHash({ view: { ...view, lat: -LAT_LIMIT, lng: -0.01 } })).toBe('map=1/-85/0');
	});

	it('leaves out what is the default', () => {
		expect(serializeHash({ layers: [...defaultLayers].reverse() }, { defaultLayers })).toBe('');
		expect(serializeHash({ layers: ['events'] }, { defaultLayers })).toBe('layers=events');
		expect(serializeHash({ layers: [] }, { defaultLayers })).toBe('layers=');
		expect(serializeHash({ time: {} })).toBe('');
		expect(serializeHash({ time: { from: '2015-11-20' } })).toBe('t=2015-11-20..');
		expect(serializeHash({ passage: '' })).toBe('');
		expect(serializeHash({ view: { zoom: NaN, lat: 0, lng: 0, bearing: 0, pitch: 0 } })).toBe('');
	});

	it('encodes what needs encoding, and does not throw on lone surrogates', () => {
		expect(serializeHash({ passage: 'a&b=c#d' })).toBe('passage=a%26b%3Dc%23d');
		expect(serializeHash({ passage: '\uD800' })).toBe('passage=%EF%BF%BD');
	});

	it('gives entries for withHashKeys', () => {
		expect(hashEntries({ passage: 'p1' }, { defaultLayers })).toEqual({
			map: null,
			passage: 'p1',
			layers: null,
			t: null
		});
	});
});

describe('withHashKeys', () => {
	it('rewrites only the given keys, in place, and keeps others verbatim', () => {
		expect(
			withHashKeys('#foo=1&map=1/2/3&bar&x=%E0%A4%A', {
				map: '2/3/4',
				passage: null,
				t: '2015-11-20..'
			})
		).toBe('foo=1&map=2/3/4&bar&x=%E0%A4%A&t=2015-11-20..');
	});

	it('removes keys set to null, and duplicates of updated keys', () => {
		expect(withHashKeys('passage=p1&map=1/2/3&passage=p2', { passage: null })).toBe('map=1/2/3');
		expect(withHashKeys('passage=p1&map=1/2/3&passage=p2', { passage: 'p4' })).toBe(
			'passage=p4&map=1/2/3'
		);
		expect(withHashKeys('', { passage: null })).toBe('');
		expect(withHashKeys('#&&', {})).toBe('');
	});

	it('round-trips with parseHash', () => {
		const state: HashState = {
			view: { zoom: 4, lat: 35, lng: 36, bearing: 0, pitch: 0 },
			passage: 'p9'
		};
		const hash = withHashKeys('other=keep&passage=p1', hashEntries(state));
		expect(hash).toBe('other=keep&passage=p9&map=4/35/36');
		expect(parse(hash).state).toEqual(state);
	});
});

// ---------------------------------------------------------------------------------------------
// Properties

const realDay = fc
	.integer({ min: dayIndex('1900-01-01'), max: dayIndex('2100-12-31') })
	.map(fromDayIndex);

const validState: fc.Arbitrary<HashState> = fc.record(
	{
		view: fc.record({
			zoom: fc.double({ min: MAP_MIN_ZOOM, max: MAP_MAX_ZOOM, noNaN: true }),
			lat: fc.double({ min: -LAT_LIMIT, max: LAT_LIMIT, noNaN: true }),
			lng: fc.double({ min: -180, max: 180, maxExcluded: true, noNaN: true }),
			bearing: fc.double({ min: 0, max: 360, maxExcluded: true, noNaN: true }),
			pitch: fc.double({ min: 0, max: MAX_PITCH, noNaN: true })
		}),
		passage: fc.constantFrom(...passageIds),
		layers: fc.subarray(layerIds),
		time: fc
			.tuple(fc.option(realDay, { nil: undefined }), fc.option(realDay, { nil: undefined }))
			.filter(([a, b]) => a !== undefined || b !== undefined)
			.map(([a, b]) => {
				const [from, to] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
				return { ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
			})
	},
	{ requiredKeys: [] }
);

const circular = (a: number, b: number, period: number) => {
	const d = Math.abs(a - b) % period;
	return Math.min(d, period - d);
};

/** Hashes built from the grammar, with garbage mixed into every part. */
const number = fc.oneof(
	fc.double().map(String),
	fc.integer({ min: -400, max: 400 }).map(String),
	fc.double({ min: -200, max: 200, noNaN: true }).map((n) => n.toFixed(3)),
	fc.constantFrom(
		'NaN',
		'Infinity',
		'-Infinity',
		'1e309',
		'-1e309',
		'',
		'-0',
		'0x10',
		' 1',
		'1.',
		'.5',
		'+3',
		'1e-7'
	),
	fc.constantFrom(
		'85.0511',
		'85.05111',
		'-85.0511',
		'180',
		'-180',
		'360',
		'1e21',
		'1e-400',
		'٣',
		'1_0'
	),
	fc.string({ maxLength: 6 })
);
const day = fc.oneof(
	realDay,
	fc.constantFrom(
		'2015-02-30',
		'2016-02-29',
		'1900-02-29',
		'2015-13-01',
		'2015-00-10',
		'0000-01-01',
		'9999-12-31',
		'2015-1-1'
	),
	fc.string({ maxLength: 10 })
);
const garbage = fc.oneof(
	fc.string(),
	fc.string({ unit: 'binary' }),
	fc.constantFrom('%', '%E0%A4%A', '%zz', '%00', '#', '=', '&', '%26')
);
const value: Record<string, fc.Arbitrary<string>> = {
	map: fc.array(number, { maxLength: 6 }).map((parts) => parts.join('/')),
	passage: fc.oneof(fc.constantFrom(...passageIds, 'p0', 'p17', 'P1', ''), garbage),
	layers: fc
		.array(fc.oneof(fc.constantFrom(...layerIds, '', 'EVENTS'), garbage), { maxLength: 6 })
		.map((ids) => ids.join(',')),
	t: fc
		.tuple(
			fc.option(day, { nil: '' }),
			fc.option(day, { nil: '' }),
			fc.constantFrom('..', '..', '.', '...', '/', '')
		)
		.map(([from, to, sep]) => `${from}${sep}${to}`)
};
const pair = fc
	.tuple(
		fc.oneof(
			fc.constantFrom('map', 'passage', 'layers', 't'),
			fc.constantFrom('map', 'zoom', 'MAP', ''),
			garbage
		),
		fc.oneof(value.map, value.passage, value.layers, value.t, garbage),
		fc.constantFrom('=', '=', '=', '', '==')
	)
	.chain(([key, anyValue, eq]) => {
		const own = Object.hasOwn(value, key) ? value[key] : undefined;
		return fc.tuple(
			fc.constant(key),
			fc.constant(eq),
			own
				? fc.oneof(own, own.map(encodeURIComponent), fc.constant(anyValue))
				: fc.constant(anyValue)
		);
	})
	.map(([key, eq, v]) => `${key}${eq}${v}`);
const grammarHash = fc
	.tuple(
		fc.constantFrom('', '#', '##'),
		fc.array(pair, { maxLength: 24 }),
		fc.constantFrom('&', '&', '&&', ';')
	)
	.map(([hash, pairs, sep]) => hash + pairs.join(sep));
const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

describe('properties', () => {
	it('round-trips valid states up to rounding', () => {
		fc.assert(
			fc.property(validState, fc.boolean(), (state, withDefaults) => {
				const opts = withDefaults ? { defaultLayers } : {};
				const hash = serializeHash(state, opts);
				const { state: back, ignored } = parse(hash);
				expect(ignored).toEqual([]);
				expect(serializeHash(back, opts)).toBe(hash);

				if (state.view) {
					const v = back.view!;
					const decimals = coordinateDecimals(Math.round(state.view.zoom * 100) / 100);
					const eps = 1e-9;
					expect(Math.abs(v.zoom - state.view.zoom)).toBeLessThanOrEqual(0.005 + eps);
					expect(Math.abs(v.lat - state.view.lat)).toBeLessThanOrEqual(10 ** -decimals + eps);
					expect(circular(v.lng, state.view.lng, 360)).toBeLessThanOrEqual(
						0.5 * 10 ** -decimals + eps
					);
					expect(circular(v.bearing, state.view.bearing, 360)).toBeLessThanOrEqual(0.05 + eps);
					expect(Math.abs(v.pitch - state.view.pitch)).toBeLessThanOrEqual(0.5 + eps);
				} else expect(back.view).toBeUndefined();
				expect(back.passage).toBe(state.passage);
				const isDefault =
					withDefaults &&
					state.layers !== undefined &&
					state.layers.length === defaultLayers.length &&
					state.layers.every((id) => defaultLayers.includes(id));
				expect(back.layers).toEqual(isDefault ? undefined : state.layers);
				expect(back.time).toEqual(state.time);
			}),
			{ numRuns: 3000 }
		);
	});

	const arbitraries: [string, fc.Arbitrary<string>][] = [
		['fc.string()', fc.string({ maxLength: 80 })],
		['full-Unicode strings', fc.string({ unit: 'binary', maxLength: 80 })],
		['UTF-16 code units, lone surrogates included', fc.string({ unit: utf16Unit, maxLength: 80 })],
		['grammar with garbage', grammarHash]
	];
	it.each(arbitraries)('never throws and returns only usable values: %s', (_name, arbitrary) => {
		fc.assert(
			fc.property(arbitrary, (hash) => {
				const result = parse(hash);
				expectUsable(result);
				expectFixedPoint(hash);
			}),
			{ numRuns: 3000 }
		);
	});

	it('withHashKeys keeps foreign pairs and sets ours', () => {
		fc.assert(
			fc.property(grammarHash, validState, (hash, state) => {
				const updated = withHashKeys(hash, hashEntries(state));
				const ours = (s: string) => ['map', 'passage', 'layers', 't'].includes(s.split('=')[0]);
				const foreign = (h: string) => h.split('&').filter((s) => s !== '' && !ours(s));
				expect(foreign(updated)).toEqual(foreign(hash.replace(/^#/, '')));
				// Past the caps parseHash stops reading, by design.
				const pairs = updated.split('&').filter((s) => s !== '').length;
				if (pairs <= MAX_HASH_PAIRS && updated.length <= MAX_HASH_CHARS) {
					// withHashKeys returns the hash without its '#': put it back, as `location.hash = …` does.
					expect(serializeHash(parse(`#${updated}`).state)).toBe(
						serializeHash(parse(serializeHash(state)).state)
					);
				}
			}),
			{ numRuns: 1000 }
		);
	});
});
