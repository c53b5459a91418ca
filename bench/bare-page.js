// @ts-check
/**
 * The "bare" page the app is measured against: plain HTML and MapLibre's own dist files, the
 * same basemap tiles, glyphs and story GeoJSON, the same style (built here in node from the
 * app's own style modules), the same map options and framing. No framework. What the app
 * costs on top of MapLibre is the difference between the two.
 *
 * It signals readiness exactly as the app does (`aria-busy` on the map container flips to
 * "false" on MapLibre's `idle`, with data-lng/lat/zoom), so one measuring script serves both.
 * It also sets `window.__benchIdle` (first idle, performance.now()) for anyone poking at it
 * by hand; the benchmark itself reads the attribute, as it must for the app.
 */
import {
	cpSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Replaced by `location.origin` in the page: the port is only known when the server starts. */
const ORIGIN = 'http://bench.invalid';

/** Load one of the app's TypeScript modules in node (Vite's module runner transpiles it). */
async function loadTs(/** @type {string} */ file) {
	const { module } = await runnerImport(path.join(root, file), {
		configFile: false,
		root,
		logLevel: 'silent',
		resolve: { alias: { $lib: path.join(root, 'src/lib') } }
	});
	return module;
}

/**
 * The story as the app's pages receive it: the built site's `story/shell.json`. Layer ids,
 * order, clustering, kinds and claimants then match the app exactly, with no second run of
 * the (slow at scale) story loader.
 * @param {string} siteDir
 */
export function storySummaryOf(siteDir) {
	const file = path.join(siteDir, 'story', 'shell.json');
	const shell = JSON.parse(readFileSync(file, 'utf8'));
	if (!shell?.layers) throw new Error(`${file} holds no story`);
	return /** @type {{ layers: any[]; bbox: number[]; kinds: Record<string, any> }} */ (shell);
}

/**
 * Write the bare page for a built site into `outDir`: index.html, bare.js, MapLibre's dist
 * files, and symlinks to the site's generated basemap/glyphs and data (the very same bytes).
 * @param {{ siteDir: string; outDir: string }} opts
 * @returns {Promise<{ outDir: string; bbox: number[] }>}
 */
export async function makeBarePage({ siteDir, outDir }) {
	const site = path.resolve(siteDir);
	const story = storySummaryOf(site);
	for (const d of ['generated', 'data'])
		if (!existsSync(path.join(site, d))) throw new Error(`${site}/${d} is missing`);
	await writeBarePage({
		layers: story.layers,
		kinds: story.kinds,
		bbox: story.bbox,
		outDir,
		link: { generated: path.join(site, 'generated'), data: path.join(site, 'data') }
	});
	return { outDir, bbox: story.bbox };
}

/**
 * The bare page straight from a story folder, for story sizes the app cannot build: the
 * layers compiled here as the app's loader compiles them (fid and layer on each feature,
 * uncertainty circles under approximate points, the story's padded bbox, using the app's own
 * geometry helpers) but without the loader's validation and per-event work. It shows what
 * MapLibre alone does with that much data.
 * @param {{ storyDir: string; generatedDir: string; outDir: string }} opts
 */
export async function makeBarePageFromStory({ storyDir, generatedDir, outDir }) {
	const [{ uncertaintyCircle }, { framingBBox }, { BUILT_IN_KINDS }] = await Promise.all([
		loadTs('src/lib/geo/uncertainty.ts'),
		loadTs('src/lib/geo/bounds.ts'),
		loadTs('src/lib/story/kinds.ts')
	]);
	// Generated stories use the built-in kinds only, listed in the table's order.
	const KINDS = Object.keys(BUILT_IN_KINDS);
	/** @type {{ id: string; order: number; cluster: boolean; hidden: boolean; kinds: string[]; claimants: string[]; features: any[] }[]} */
	const layers = [];
	const circles = [];
	for (const name of readdirSync(storyDir)
		.filter((f) => f.endsWith('.geojson'))
		.sort()) {
		const id = name.replace(/\.geojson$/, '');
		const file = JSON.parse(readFileSync(path.join(storyDir, name), 'utf8'));
		const features = file.features.map((/** @type {any} */ f) => ({
			type: 'Feature',
			id: f.id,
			geometry: f.geometry,
			properties: { ...f.properties, fid: f.id, layer: id }
		}));
		for (const f of features) {
			const p = f.properties;
			if (
				f.geometry.type !== 'Point' ||
				p.kind === 'place' ||
				p.precision === 'exact' ||
				!p.uncertaintyKm
			)
				continue;
			const cid = `${f.id}-uncertainty`;
			circles.push({
				type: 'Feature',
				id: cid,
				geometry: uncertaintyCircle(f.geometry.coordinates, p.uncertaintyKm),
				properties: {
					...p,
					fid: cid,
					layer: 'uncertainty',
					of: f.id,
					title: `Uncertainty: ${p.title}`,
					kind: 'uncertainty'
				}
			});
		}
		const present = new Set(features.map((/** @type {any} */ f) => f.properties.kind));
		const claimants = [
			...new Set(
				features
					.filter((/** @type {any} */ f) => f.properties.kind === 'claim' && f.properties.claimedBy)
					.map((/** @type {any} */ f) => f.properties.claimedBy)
			)
		];
		layers.push({
			id,
			order: file.order ?? 0,
			cluster: !!file.cluster,
			hidden: !!file.hidden,
			kinds: KINDS.filter((/** @type {string} */ k) => present.has(k)),
			claimants,
			features
		});
	}
	layers.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
	const all = layers.flatMap((l) => l.features);
	if (circles.length)
		layers.unshift({
			id: 'uncertainty',
			order: layers[0].order - 1,
			cluster: false,
			hidden: false,
			kinds: ['uncertainty'],
			claimants: [],
			features: circles
		});
	const bbox = framingBBox(
		all.map((f) => f.geometry),
		{ fraction: 0.05, minHalfSpanKm: 1 }
	);
	// Generated stories draw the built-in kinds only.
	await writeBarePage({
		layers,
		kinds: BUILT_IN_KINDS,
		bbox,
		outDir,
		link: { generated: generatedDir }
	});
	mkdirSync(path.join(outDir, 'data'));
	for (const l of layers)
		writeFileSync(
			path.join(outDir, 'data', `${l.id}.geojson`),
			JSON.stringify({ type: 'FeatureCollection', features: l.features })
		);
	return { outDir, bbox };
}

/**
 * @param {{ layers: any[]; kinds: Record<string, any>; bbox: number[]; outDir: string; link: Record<string, string> }} o
 */
async function writeBarePage({ layers, kinds, bbox, outDir, link }) {
	const [basemap, storyStyle] = await Promise.all([
		loadTs('src/lib/map/basemap-style.ts'),
		loadTs('src/lib/map/story-style.ts')
	]);
	// The style exactly as MapView.svelte builds it.
	const style = basemap.basemapStyle(ORIGIN);
	for (const layer of layers) {
		// Always GeoJSON: the bare page is plain MapLibre with the story's data as it comes.
		style.sources[storyStyle.sourceId(layer.id)] = storyStyle.storySource(
			{ ...layer, tiled: false },
			ORIGIN
		);
	}
	style.layers.push(
		...layers.flatMap((/** @type {any} */ l) =>
			storyStyle.storyLayers({ ...l, tiled: false }, kinds)
		)
	);
	const interactive = storyStyle.interactiveLayerIds(layers);
	const icons = await markerIcons(kinds);

	rmSync(outDir, { recursive: true, force: true });
	mkdirSync(path.join(outDir, 'maplibre'), { recursive: true });
	const dist = path.join(root, 'node_modules/maplibre-gl/dist');
	for (const f of ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css'])
		cpSync(path.join(dist, f), path.join(outDir, 'maplibre', f));
	for (const [name, target] of Object.entries(link))
		symlinkSync(target, path.join(outDir, name), 'dir');
	writeFileSync(path.join(outDir, 'index.html'), HTML);
	writeFileSync(
		path.join(outDir, 'bare.js'),
		barePageScript({
			style,
			icons,
			interactive,
			bbox,
			minZoom: basemap.MAP_MIN_ZOOM,
			maxZoom: basemap.MAP_MAX_ZOOM
		})
	);
}

/**
 * The marker images the story style asks for (`icon-image: marker-<kind>`), from the app's
 * own icons.ts. The app rasterises them in the browser at load; the bare page gets them
 * ready-made (RGBA, base64) at 1 device pixel per CSS pixel, the benchmark's ratio. So the
 * app's rasterising counts as app cost, which it is.
 * @returns {Promise<Record<string, { w: number; h: number; d: string }>>}
 */
async function markerIcons(/** @type {Record<string, any>} */ kinds) {
	if (!existsSync(path.join(root, 'src/lib/map/icons.ts'))) return {};
	const { markerImages } = await loadTs('src/lib/map/icons.ts');
	/** @type {Record<string, { w: number; h: number; d: string }>} */
	const out = {};
	for (const [id, img] of Object.entries(markerImages(kinds, 1))) {
		const i = /** @type {{ width: number; height: number; data: Uint8Array }} */ (img);
		out[id] = { w: i.width, h: i.height, d: Buffer.from(i.data).toString('base64') };
	}
	return out;
}

/** Some text, like the app's prerendered article, so Lighthouse has a first contentful paint. */
const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bare MapLibre page (benchmark baseline)</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/maplibre/maplibre-gl.css">
<style>
	html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
	#map { position: absolute; inset: 0; }
	p { position: absolute; right: 0; bottom: 0; margin: 0; padding: 2px 4px; font-size: 11px; }
</style>
</head>
<body>
<div id="map" role="region" aria-label="Map" aria-busy="true"></div>
<p>Bare MapLibre baseline for the benchmark.</p>
<script type="module" src="/bare.js"></script>
</body>
</html>
`;

/**
 * The page's only script. `?box=left,top,width,height` places the map container where the
 * app's map sits, so both frame the story at the same size.
 * @param {{ style: unknown; icons: Record<string, { w: number; h: number; d: string }>; interactive: string[]; bbox: number[]; minZoom: number; maxZoom: number }} o
 */
function barePageScript(o) {
	return `import { Map, NavigationControl, Popup, ScaleControl, setWorkerUrl } from '/maplibre/maplibre-gl.mjs';

const STYLE = ${JSON.stringify(JSON.stringify(o.style))};
const ICONS = ${JSON.stringify(o.icons)};
const INTERACTIVE = ${JSON.stringify(o.interactive)};
const BBOX = ${JSON.stringify(o.bbox)};

const container = document.getElementById('map');
const box = new URLSearchParams(location.search).get('box');
if (box) {
	const [left, top, width, height] = box.split(',').map(Number);
	Object.assign(container.style, { inset: 'auto', left: left + 'px', top: top + 'px', width: width + 'px', height: height + 'px' });
}
// The same padding as MapView.svelte's framePadding().
const p = Math.round(Math.min(container.clientWidth, container.clientHeight) * 0.12);

setWorkerUrl('/maplibre/maplibre-gl-worker.mjs');
const map = new Map({
	container,
	style: JSON.parse(STYLE.replaceAll(${JSON.stringify(ORIGIN)}, location.origin)),
	bounds: [[BBOX[0], BBOX[1]], [BBOX[2], BBOX[3]]],
	fitBoundsOptions: { padding: { top: p, bottom: p, left: p, right: p }, maxZoom: 9 },
	minZoom: ${o.minZoom},
	maxZoom: ${o.maxZoom},
	maxPitch: 85,
	attributionControl: false,
	dragRotate: false,
	touchPitch: false
});
// Marker shapes, as the app adds them: on demand, through MapLibre's resolver.
map.setMissingStyleImageResolver((id) => {
	const i = ICONS[id];
	if (!i || map.hasImage(id)) return;
	const data = Uint8Array.from(atob(i.d), (c) => c.charCodeAt(0));
	map.addImage(id, { width: i.w, height: i.h, data }, { pixelRatio: 1 });
});
map.touchZoomRotate.disableRotation();
map.keyboard.disableRotation();
map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');

// The app's readiness signal: aria-busy and the view as data attributes.
const busy = (b) => container.setAttribute('aria-busy', String(b));
map.on('movestart', () => busy(true));
map.on('dataloading', () => busy(true));
map.on('idle', () => {
	const c = map.getCenter();
	container.dataset.lng = c.lng.toFixed(6);
	container.dataset.lat = c.lat.toFixed(6);
	container.dataset.zoom = map.getZoom().toFixed(3);
	window.__benchIdle ??= performance.now();
	busy(false);
});

// Hover and click: the same queries as the app, a plain text popup instead of Svelte's.
const rank = (f) => (f.layer.type === 'circle' || f.layer.type === 'symbol' ? 0 : f.layer.type === 'line' ? 1 : 2);
const top = (pt) =>
	map
		.queryRenderedFeatures([pt.x, pt.y], { layers: INTERACTIVE.filter((id) => map.getLayer(id)) })
		.sort((a, b) => rank(a) - rank(b))[0];
map.on('mousemove', (e) => {
	map.getCanvas().style.cursor = top(e.point) ? 'pointer' : '';
});
let popup;
map.on('click', (e) => {
	const f = top(e.point);
	if (!f) return;
	popup?.remove();
	const at = f.geometry.type === 'Point' ? f.geometry.coordinates : [e.lngLat.lng, e.lngLat.lat];
	popup = new Popup({ closeButton: false, closeOnClick: false, focusAfterOpen: false, maxWidth: '22rem', offset: 12 })
		.setLngLat(at)
		.setText(String(f.properties.title ?? ''))
		.addTo(map);
});
addEventListener('keydown', (e) => {
	if (e.key === 'Escape') popup?.remove();
});
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const siteDir = process.argv[2] ?? 'build';
	const outDir = process.argv[3] ?? path.join(root, 'bench/tmp/bare');
	const { bbox } = await makeBarePage({ siteDir, outDir });
	console.log(`bare page for ${siteDir} in ${outDir}; story bbox ${bbox.join(', ')}`);
}
