/**
 * The locator inset's geometry: which part of the static overview to show around the main map's
 * view, and where the view's rectangle goes in it. Pure: overview units in, overview units out
 * (`LocatorInset.svelte` draws them as an SVG viewBox and a rect).
 */
import { projectOnOverview, type OverviewProjection } from './static-overview';

export type BBox = [west: number, south: number, east: number, north: number];

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface LocatorOptions {
	/** The window is this many times the view's size (enough to see the country around it). */
	context?: number;
	/** The smallest window width, in overview units (the overview is 1000 wide). */
	minWidth?: number;
}

/** The view's bounds as a rectangle on the overview. */
export function viewRect(projection: OverviewProjection, [w, s, e, n]: BBox): Box {
	const [x0, y0] = projectOnOverview(projection, [w, n]);
	const [x1, y1] = projectOnOverview(projection, [e, s]);
	return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The part of the overview the inset shows: centred on the view, `context` times its size but
 * at least `minWidth` wide, with the inset's aspect ratio (width / height); kept inside the
 * overview when it fits, since the overview's land is clipped at its edges (beyond them all
 * would look like sea).
 */
export function locatorWindow(
	overview: { width: number; height: number },
	rect: Box,
	aspect: number,
	{ context = 5, minWidth = 110 }: LocatorOptions = {}
): Box {
	let width = Math.max(rect.width * context, rect.height * context * aspect, minWidth);
	width = Math.min(width, overview.width, overview.height * aspect);
	const height = width / aspect;
	const cx = rect.x + rect.width / 2;
	const cy = rect.y + rect.height / 2;
	const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
	return {
		x: clamp(cx - width / 2, 0, overview.width - width),
		y: clamp(cy - height / 2, 0, overview.height - height),
		width,
		height
	};
}
