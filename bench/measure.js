// @ts-check
/**
 * One measured page load in a fresh browser context (cold cache), identical for the app and
 * the bare page: both flip `aria-busy` to "false" on the map container (MapLibre adds the
 * class `maplibregl-map` to it) on MapLibre's `idle`, and both are driven only through real
 * input (mouse, wheel, keyboard), since the app's map object is not reachable from outside.
 *
 * What the page records is injected with `addInitScript`: the app ships no test globals.
 */

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {{ x: number; y: number }} Pixel */

export const VIEWPORT = { width: 1000, height: 700 };

/**
 * Runs in the page before any of its scripts. Records navigation → first `aria-busy="false"`
 * on the map container, long tasks, and (hover runs only, since watching every style change
 * has a cost) when the canvas cursor first becomes a pointer. Times are performance.now(),
 * i.e. milliseconds since navigation start.
 * @param {{ cursor: boolean }} opts
 */
function pageProbe(opts) {
	const b = /** @type {any} */ ({ idleAt: null, idleEpoch: null, hoverAt: null, longTasks: [] });
	/** @type {any} */ (window).__bench = b;
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		// no long task API: the figure stays empty
	}
	new MutationObserver((records) => {
		for (const r of records) {
			const el = /** @type {HTMLElement} */ (r.target);
			if (
				b.idleAt === null &&
				r.attributeName === 'aria-busy' &&
				el.classList.contains('maplibregl-map') &&
				el.getAttribute('aria-busy') === 'false'
			) {
				b.idleAt = performance.now();
				// Wall clock too: the bench's server stamps requests with the same machine's clock.
				b.idleEpoch = Date.now();
			}
			if (
				b.hoverAt === null &&
				r.attributeName === 'style' &&
				el.classList.contains('maplibregl-canvas') &&
				el.style.cursor === 'pointer'
			)
				b.hoverAt = performance.now();
		}
	}).observe(document, {
		subtree: true,
		attributes: true,
		attributeFilter: opts.cursor ? ['aria-busy', 'style'] : ['aria-busy']
	});
}

/** The map container and its view, from the attributes both pages keep up to date. */
function readMap() {
	const el = /** @type {HTMLElement | null} */ (document.querySelector('.maplibregl-map'));
	if (!el) return null;
	const r = el.getBoundingClientRect();
	return {
		box: [r.left, r.top, r.width, r.height].map(Math.round),
		lng: Number(el.dataset.lng),
		lat: Number(el.dataset.lat),
		zoom: Number(el.dataset.zoom)
	};
}

/**
 * Where a [lng, lat] is on screen, in Web Mercator from the map's centre and zoom (MapLibre's
 * 512 px world at zoom 0; north up, no pitch, as both pages keep it). Computed the same way
 * for both pages, and known before the map exists (from a warm-up run's view).
 * @param {{ box: number[]; lng: number; lat: number; zoom: number }} view
 * @param {number[]} lngLat
 * @returns {Pixel}
 */
export function pixelOf(view, lngLat) {
	const ws = 512 * 2 ** view.zoom;
	const mx = (/** @type {number} */ lng) => ((lng + 180) / 360) * ws;
	const my = (/** @type {number} */ lat) => {
		const s = Math.sin((lat * Math.PI) / 180);
		return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * ws;
	};
	const [left, top, w, h] = view.box;
	return {
		x: Math.round(left + w / 2 + mx(lngLat[0]) - mx(view.lng)),
		y: Math.round(top + h / 2 + my(lngLat[1]) - my(view.lat))
	};
}

const waitIdle = (/** @type {Page} */ page, timeout = 30_000) =>
	page.waitForFunction(
		() => document.querySelector('.maplibregl-map')?.getAttribute('aria-busy') === 'false',
		undefined,
		{ timeout, polling: 100 }
	);

/** Percentile by nearest rank. */
export function percentile(/** @type {number[]} */ xs, /** @type {number} */ p) {
	if (xs.length === 0) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/**
 * Load a page, wait for the map's first idle, then measure heap, click → popup and frame
 * times during a scripted pan and zoom.
 * @param {Browser} browser
 * @param {string} url
 * @param {{ probe: number[]; clicks: number; timeoutMs: number }} opts
 */
export async function measureLoad(browser, url, opts) {
	const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
	try {
		const page = await context.newPage();
		const errors = collectErrors(page);
		await page.addInitScript(pageProbe, { cursor: false });
		await page.goto(url, { waitUntil: 'commit', timeout: opts.timeoutMs });
		await page
			.waitForFunction(() => /** @type {any} */ (window).__bench?.idleAt != null, undefined, {
				timeout: opts.timeoutMs,
				polling: 'raf'
			})
			.catch((/** @type {Error} */ e) => {
				// A map that never idles has usually thrown first: say what, not only "timeout".
				throw new Error(
					`no first idle in ${opts.timeoutMs} ms${errors.length ? `; the page said: ${errors.join(' | ')}` : ''} (${e.message.split('\n')[0]})`
				);
			});
		const { idleAt: idleMs, idleEpoch } = await page.evaluate(
			() => /** @type {any} */ (window).__bench
		);
		const view = await page.evaluate(readMap);
		if (!view) throw new Error('no map container');

		// Heap after load, after a GC so that garbage left by parsing does not count.
		const cdp = await context.newCDPSession(page);
		await cdp.send('HeapProfiler.collectGarbage');
		const heap = /** @type {{ usedSize: number }} */ (await cdp.send('Runtime.getHeapUsage'));
		await cdp.detach();

		const popupMs = [];
		for (let i = 0; i < opts.clicks; i++) popupMs.push(await clickToPopup(page, opts.probe));
		const frames = await panAndZoom(page);

		const longTasks = /** @type {number[][]} */ (
			await page.evaluate(() => /** @type {any} */ (window).__bench.longTasks)
		);
		const afterLoad = longTasks.filter(([start]) => start >= idleMs).map(([, d]) => d);
		return {
			idleMs,
			idleEpoch,
			view,
			heapBytes: heap.usedSize,
			popupMs,
			frames,
			longTaskMaxAfterLoadMs: afterLoad.length ? Math.max(...afterLoad) : 0,
			longTaskMaxMs: longTasks.length ? Math.max(...longTasks.map(([, d]) => d)) : 0,
			errors
		};
	} finally {
		await context.close();
	}
}

/**
 * Navigation start → the canvas cursor turns into a pointer over the probe feature, with the
 * mouse moved back and forth over its pixel from the moment the navigation commits (a reader
 * pointing at the map while it loads).
 * @param {Browser} browser
 * @param {string} url
 * @param {{ at: Pixel; timeoutMs: number }} opts
 */
export async function measureHover(browser, url, opts) {
	const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
	try {
		const page = await context.newPage();
		await page.addInitScript(pageProbe, { cursor: true });
		await page.goto(url, { waitUntil: 'commit', timeout: opts.timeoutMs });
		const deadline = Date.now() + opts.timeoutMs;
		for (let i = 0; Date.now() < deadline; i++) {
			// Alternate by one pixel: MapLibre only answers moves.
			await page.mouse.move(opts.at.x + (i % 2), opts.at.y);
			const at = await page.evaluate(() => /** @type {any} */ (window).__bench?.hoverAt ?? null);
			if (at !== null) return { hoverMs: at };
		}
		throw new Error(`no pointer cursor over the probe after ${opts.timeoutMs} ms`);
	} finally {
		await context.close();
	}
}

/**
 * Click the probe feature; latency is the click event's timestamp → `.maplibregl-popup`
 * attached to the DOM (a MutationObserver, so no polling delay). Then Escape closes it (both
 * pages handle Escape) and the map settles before the next click. The pixel is recomputed
 * each time: the app pans to keep its popup in view.
 * @param {Page} page
 * @param {number[]} probe
 */
async function clickToPopup(page, probe) {
	const view = await page.evaluate(readMap);
	if (!view) throw new Error('no map container');
	const at = pixelOf(view, probe);
	await page.evaluate(() => {
		const b = /** @type {any} */ (window).__bench;
		b.clickAt = null;
		b.popupAt = null;
		addEventListener('click', (e) => (b.clickAt ??= e.timeStamp), { capture: true, once: true });
		b.popupObserver = new MutationObserver((records) => {
			for (const r of records)
				for (const n of r.addedNodes)
					if (n instanceof HTMLElement && n.classList.contains('maplibregl-popup'))
						b.popupAt ??= performance.now();
		});
		b.popupObserver.observe(document.body, { childList: true, subtree: true });
	});
	await page.mouse.click(at.x, at.y);
	await page.waitForFunction(
		() => /** @type {any} */ (window).__bench.popupAt !== null,
		undefined,
		{
			timeout: 15_000
		}
	);
	const ms = await page.evaluate(() => {
		const b = /** @type {any} */ (window).__bench;
		b.popupObserver.disconnect();
		return b.popupAt - b.clickAt;
	});
	await page.keyboard.press('Escape');
	await page.waitForFunction(() => !document.querySelector('.maplibregl-popup'), undefined, {
		timeout: 15_000
	});
	await waitIdle(page);
	return ms;
}

/**
 * requestAnimationFrame deltas while the mouse drags the map and the wheel zooms in and out:
 * the same input in both pages. The pointer starts in the map's middle.
 * @param {Page} page
 */
async function panAndZoom(page) {
	const view = await page.evaluate(readMap);
	if (!view) throw new Error('no map container');
	const [left, top, w, h] = view.box;
	const cx = left + w / 2;
	const cy = top + h / 2;
	await page.evaluate(() => {
		const b = /** @type {any} */ (window).__bench;
		b.frames = [];
		b.recording = true;
		let last = performance.now();
		const tick = (/** @type {number} */ t) => {
			if (!b.recording) return;
			b.frames.push(t - last);
			last = t;
			requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
	});
	await page.mouse.move(cx, cy);
	await page.mouse.down();
	await page.mouse.move(cx - 200, cy - 100, { steps: 15 });
	await page.mouse.move(cx + 100, cy + 60, { steps: 15 });
	await page.mouse.up();
	for (const dy of [-300, -300, -300, 300, 300, 300]) {
		await page.mouse.wheel(0, dy);
		await page.waitForTimeout(150);
	}
	await waitIdle(page);
	const deltas = /** @type {number[]} */ (
		await page.evaluate(() => {
			const b = /** @type {any} */ (window).__bench;
			b.recording = false;
			return b.frames.slice(1); // the first delta is from the set-up, not a frame
		})
	);
	return {
		p50: percentile(deltas, 50),
		p95: percentile(deltas, 95),
		max: Math.max(...deltas),
		count: deltas.length
	};
}

/** Console errors and uncaught exceptions: a page that "loads" with errors is suspect. */
function collectErrors(/** @type {Page} */ page) {
	/** @type {string[]} */
	const errors = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text().slice(0, 200));
	});
	page.on('pageerror', (e) => errors.push(String(e.message).slice(0, 200)));
	return errors;
}
