// @ts-check
/**
 * Statistics, budgets and tables. Software WebGL on 2 cores is slow and noisy, so absolute
 * times only describe this machine; the app/bare ratios (median of the per-pair ratios, each
 * pair measured back to back) are what carry over.
 */

export const median = (/** @type {number[]} */ xs) => {
	const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
	if (s.length === 0) return NaN;
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median, min and max of a figure over runs. */
export function spread(/** @type {number[]} */ xs) {
	const s = xs.filter(Number.isFinite);
	return { median: median(s), min: Math.min(...s), max: Math.max(...s), n: s.length };
}

/** Median of app[i] / bare[i] over pairs measured together. */
export function pairRatio(/** @type {number[]} */ app, /** @type {number[]} */ bare) {
	const r = [];
	for (let i = 0; i < Math.min(app.length, bare.length); i++)
		if (Number.isFinite(app[i]) && Number.isFinite(bare[i]) && bare[i] > 0)
			r.push(app[i] / bare[i]);
	return median(r);
}

/** Figures of a set of runs, keyed by name: each a list over runs (aligned by pair). */
export function figuresOf(/** @type {any[]} */ loads, /** @type {any[]} */ hovers) {
	return {
		firstMapMs: loads.map((r) => r?.idleMs ?? NaN),
		hoverMs: hovers.map((r) => r?.hoverMs ?? NaN),
		popupMs: loads.map((r) => (r ? median(r.popupMs) : NaN)),
		frameP50Ms: loads.map((r) => r?.frames.p50 ?? NaN),
		frameP95Ms: loads.map((r) => r?.frames.p95 ?? NaN),
		heapMB: loads.map((r) => (r ? r.heapBytes / 1e6 : NaN)),
		longTaskAfterLoadMs: loads.map((r) => r?.longTaskMaxAfterLoadMs ?? NaN),
		jsGzipKB: loads.map((r) => (r ? (r.bytes.by.js?.gzip ?? 0) / 1000 : NaN)),
		allGzipKB: loads.map((r) => (r ? r.bytes.gzip / 1000 : NaN)),
		allRawKB: loads.map((r) => (r ? r.bytes.raw / 1000 : NaN)),
		requests: loads.map((r) => r?.bytes.requests ?? NaN)
	};
}

export const LABELS = {
	firstMapMs: 'first painted map (nav → idle), ms',
	hoverMs: 'marker answers hover (nav → pointer), ms',
	popupMs: 'click → popup in DOM, ms',
	frameP50Ms: 'frame time p50 (pan+zoom), ms',
	frameP95Ms: 'frame time p95 (pan+zoom), ms',
	heapMB: 'JS heap after load (main thread), MB',
	longTaskAfterLoadMs: 'longest task after first idle, ms',
	jsGzipKB: 'JS on first load, KB gzip',
	allGzipKB: 'all bytes on first load, KB gzip',
	allRawKB: 'all bytes on first load, KB raw',
	requests: 'requests on first load'
};

const round1 = (/** @type {number} */ x, d = 1) =>
	Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null;
function round(/** @type {{ median: number; min: number; max: number; n: number }} */ s) {
	return { median: round1(s.median), min: round1(s.min), max: round1(s.max), n: s.n };
}

/**
 * Summary of a story's figures: spread per side and the pair ratio. `app` null: bare only.
 * @param {Record<string, number[]> | null} app
 * @param {Record<string, number[]>} bare
 */
export function summarise(app, bare) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const key of Object.keys(LABELS)) {
		out[key] = {
			app: app ? round(spread(app[key])) : null,
			bare: round(spread(bare[key])),
			ratio: app ? round1(pairRatio(app[key], bare[key]), 2) : null
		};
	}
	return out;
}

const fmt = (/** @type {any} */ s) =>
	!s || s.median === null
		? 'n/a'
		: s.n > 1 && s.min !== s.max
			? `${s.median} (${s.min}–${s.max})`
			: `${s.median}`;

/** A plain-text table of a story's figures. */
export function textTable(/** @type {Record<string, any>} */ summary) {
	const rows = [['figure', 'app median (min–max)', 'bare median (min–max)', 'app/bare']];
	for (const [key, label] of Object.entries(LABELS)) {
		const f = summary[key];
		rows.push([label, fmt(f.app), fmt(f.bare), f.ratio === null ? '' : f.ratio.toFixed(2)]);
	}
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
	return rows
		.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '))
		.join('\n');
}

/** The same as a Markdown table. */
export function markdownTable(/** @type {Record<string, any>} */ summary) {
	const lines = [
		'| figure | app median (min–max) | bare median (min–max) | app/bare |',
		'| --- | --- | --- | --- |'
	];
	for (const [key, label] of Object.entries(LABELS)) {
		const f = summary[key];
		lines.push(
			`| ${label} | ${fmt(f.app)} | ${fmt(f.bare)} | ${f.ratio === null ? '' : f.ratio.toFixed(2)} |`
		);
	}
	return lines.join('\n');
}

/**
 * The budgets of the issue "Performance and scale": PASS or FAIL each, with the figure. A
 * budget the app cannot be measured against (it does not build at that size) fails.
 * @param {{ main: any; maplibreJsGzipKB: number; scale: any[] }} r
 */
export function budgets(r) {
	const m = r.main.summary;
	/** @type {{ name: string; value: string; verdict: 'PASS' | 'FAIL' }[]} */
	const out = [];
	const check = (
		/** @type {string} */ name,
		/** @type {number | null | undefined} */ value,
		/** @type {(v: number) => boolean} */ ok,
		/** @type {string} */ shown,
		why = 'not measured'
	) =>
		out.push(
			value === null || value === undefined || !Number.isFinite(value)
				? { name, value: why, verdict: 'FAIL' }
				: { name, value: shown, verdict: ok(value) ? 'PASS' : 'FAIL' }
		);

	/** Why a scale row's budget has no figure: not run, not measurable, or not measured. */
	const whyNot = (/** @type {any} */ row, /** @type {string} */ missing, note = '') =>
		!row
			? missing
			: row.app?.error
				? `app not measurable: ${row.app.error.slice(0, 200)}${note}`
				: 'not measured';
	/** No long task over 200 ms after the first idle, in a scale row. */
	const longTasks = (
		/** @type {string} */ name,
		/** @type {any} */ summary,
		/** @type {string} */ why,
		note = ''
	) =>
		check(
			`${name}: no long task > 200 ms after load`,
			summary?.longTaskAfterLoadMs.app?.max,
			(v) => v <= 200,
			`longest ${summary?.longTaskAfterLoadMs.app?.max} ms${note}`,
			why
		);

	const added = m.jsGzipKB.app?.median - r.maplibreJsGzipKB;
	check(
		'first-load JS on top of MapLibre ≤ 60 KB gzip',
		added,
		(v) => v <= 60,
		`${round1(added)} KB (app JS ${m.jsGzipKB.app?.median} − MapLibre's dist JS ${round1(r.maplibreJsGzipKB)})`
	);
	check(
		'everything on first load ≤ 900 KB gzip',
		m.allGzipKB.app?.median,
		(v) => v <= 900,
		`${m.allGzipKB.app?.median} KB`
	);
	check(
		'first painted map ≤ 1.15 × bare',
		m.firstMapMs.ratio,
		(v) => v <= 1.15,
		`${m.firstMapMs.ratio} ×`
	);
	check(
		'click → popup median < 50 ms',
		m.popupMs.app?.median,
		(v) => v < 50,
		`${m.popupMs.app?.median} ms (bare page: ${m.popupMs.bare?.median} ms)`
	);

	const search = r.search;
	check(
		'search at 100,000 events: query median < 50 ms',
		search?.medianMs,
		(v) => v < 50,
		`${search?.medianMs} ms, median of ${search?.queries?.length} queries (index in ${search?.parts} parts, ${search?.gzipMB} MB gzip, loaded in ${search?.loadMs} ms)`,
		search?.error ? `not measured: ${search.error}` : 'not measured'
	);

	const at100k = r.scale.find((s) => s.events === 100_000 && !s.tiled);
	const big = at100k?.summary;
	const bareNote = big
		? ` (bare MapLibre page at 100,000: longest task after load ${big.longTaskAfterLoadMs.bare?.max ?? 'n/a'} ms, frame p95 ${big.frameP95Ms.bare?.median ?? 'n/a'} ms)`
		: '';
	const why100k = whyNot(at100k, 'scale not run', bareNote);
	longTasks('100,000 events', big, why100k, bareNote);
	check(
		'100,000 events: frame p95 ≤ 1.3 × bare',
		big?.frameP95Ms.ratio,
		(v) => v <= 1.3,
		`${big?.frameP95Ms.ratio} ×${bareNote}`,
		why100k
	);

	// The same story as tiles: what the threshold buys at 100,000.
	const tiles100k = r.scale.find((s) => s.events === 100_000 && s.tiled);
	const t = tiles100k?.summary;
	const whyTiles = whyNot(tiles100k, 'scale not run');
	longTasks('100,000 events as tiles', t, whyTiles);
	check(
		'100,000 events as tiles: frame p95 ≤ 1.3 × bare (GeoJSON)',
		t?.frameP95Ms.ratio,
		(v) => v <= 1.3,
		`${t?.frameP95Ms.ratio} × (${t?.frameP95Ms.app?.median} ms; the bare page draws the GeoJSON: ${t?.frameP95Ms.bare?.median} ms)`,
		whyTiles
	);

	// A million events (issue "A million events"), each figure against the 1,000-event story's
	// app in the same run.
	const million = r.scale.find((s) => s.events === 1_000_000);
	const thousand = r.scale.find((s) => s.events === 1_000 && !s.tiled);
	const m1 = million?.summary;
	const k1 = thousand?.summary;
	const whyMillion =
		million && !thousand
			? 'the 1,000-event story was not run beside it'
			: whyNot(million, 'not run (npm run bench -- --sizes 1000,1000000t --budget 3600)');
	const ratio = (/** @type {string} */ key) => {
		const a = m1?.[key]?.app?.median;
		const b = k1?.[key]?.app?.median;
		return a !== undefined && b ? Math.round((a / b) * 100) / 100 : undefined;
	};
	check(
		'1,000,000 events: builds in ≤ 15 min',
		million?.build?.ok ? million.build.seconds : undefined,
		(v) => v <= 900,
		`${million?.build?.seconds} s`,
		million && !million.build?.ok ? `build failed: ${million.build?.error}` : whyMillion
	);
	check(
		'1,000,000 events: first-load bytes ≤ 1.5 MB gzip',
		m1?.allGzipKB.app?.median,
		(v) => v <= 1500,
		`${m1?.allGzipKB.app?.median} KB`,
		whyMillion
	);
	for (const [key, limit, what] of /** @type {const} */ ([
		['allGzipKB', 1.3, 'first-load bytes'],
		['firstMapMs', 1.5, 'first painted map'],
		['heapMB', 2, 'main-thread heap after load'],
		['frameP95Ms', 1.3, 'frame p95']
	]))
		check(
			`1,000,000 events: ${what} ≤ ${limit} × the 1,000-event story's`,
			ratio(key),
			(v) => v <= limit,
			`${ratio(key)} × (${m1?.[key]?.app?.median} vs ${k1?.[key]?.app?.median})`,
			whyMillion
		);
	longTasks('1,000,000 events', m1, whyMillion);
	// The no-WebGL overview (issue "A million events"): clusters, not every feature.
	for (const [name, row, why] of /** @type {const} */ ([
		['100,000', at100k, why100k],
		['1,000,000', million, whyMillion]
	])) {
		const size = row?.build?.ok ? row.build.overviewJsonBytes : undefined;
		check(
			`${name} events: no-WebGL overview ≤ 1 MB`,
			size,
			(v) => v <= 1_000_000,
			`${Math.round((size ?? 0) / 1000)} KB`,
			why
		);
	}
	check(
		'1,000,000 events: click → popup median ≤ 100 ms',
		m1?.popupMs.app?.median,
		(v) => v <= 100,
		`${m1?.popupMs.app?.median} ms`,
		whyMillion
	);
	return out;
}
