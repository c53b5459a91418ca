/**
 * A picture of the view to take away: the map as drawn, with what makes it readable on its
 * own, drawn over it in the page's font: the title, the time window, the legend of the layers
 * shown, the scale bar and the credits. Drawn in the browser on a 2D canvas (no server);
 * loaded only when a reader asks for a picture.
 */
import type { Swatch } from '$lib/map/legend';

export interface PictureInput {
	/** The map as drawn (`MapView.capture`), at `scale` pixels per CSS pixel. */
	map: HTMLCanvasElement;
	scale: number;
	title: string;
	/** The selected event, if any. */
	subtitle?: string;
	/** The time window in words ("All dates · 8 events"). */
	when: string;
	legend: Swatch[];
	/** The map's own scale bar, as shown: its width in CSS pixels and its label. */
	scaleBar?: { px: number; label: string };
	credits: string;
	/** The page's font family. */
	font: string;
	/** The picture's size in pixels; the map is cropped to fill it, centred. Default: the map's. */
	size?: { width: number; height: number };
}

const INK = '#1f1d1a';
const PAPER = 'rgba(255, 255, 255, 0.92)';
/** At most this many legend rows: a picture, not the legend. */
export const MAX_LEGEND_ROWS = 8;

/** The picture: a canvas of `size` (or the map's size). */
export function composePicture(i: PictureInput): HTMLCanvasElement {
	const width = i.size?.width ?? i.map.width;
	const height = i.size?.height ?? i.map.height;
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('This browser cannot draw the picture (no 2D canvas).');

	// The map, cropped to fill the picture around its centre.
	const cover = Math.max(width / i.map.width, height / i.map.height);
	const sw = width / cover;
	const sh = height / cover;
	ctx.drawImage(
		i.map,
		(i.map.width - sw) / 2,
		(i.map.height - sh) / 2,
		sw,
		sh,
		0,
		0,
		width,
		height
	);

	// Everything else in CSS pixels of the map (a 2× picture draws them at twice the size; a
	// social card at the map's own scale).
	const unit = i.size ? Math.max(1, width / 1200) : i.scale;
	ctx.scale(unit, unit);
	const w = width / unit;
	const h = height / unit;
	const font = (weight: number, px: number) => `${weight} ${px}px ${i.font}`;
	const pad = 12;

	// Title and time window, top left.
	const lines: [string, string][] = [[font(700, 18), i.title]];
	if (i.subtitle) lines.push([font(600, 14), i.subtitle]);
	lines.push([font(400, 13), i.when]);
	const maxText = w - 2 * pad - 16;
	const fitted = lines.map(([f, text]) => [f, fit(ctx, f, text, maxText)] as const);
	const titleW =
		Math.max(...fitted.map(([f, text]) => ((ctx.font = f), ctx.measureText(text).width))) + 16;
	const lineH = [24, 19, 18];
	const titleH = fitted.reduce((sum, _, k) => sum + lineH[Math.min(k, 2)], 0) + 10;
	box(ctx, pad, pad, titleW, titleH);
	let y = pad + 6;
	fitted.forEach(([f, text], k) => {
		ctx.font = f;
		ctx.fillStyle = INK;
		ctx.textBaseline = 'top';
		ctx.fillText(text, pad + 8, y + 2);
		y += lineH[Math.min(k, 2)];
	});

	// Credits: a band along the bottom.
	ctx.font = font(400, 11);
	const credits = fit(ctx, ctx.font, i.credits, w - 2 * pad);
	const creditsH = 18;
	ctx.fillStyle = PAPER;
	ctx.fillRect(0, h - creditsH, w, creditsH);
	ctx.fillStyle = INK;
	ctx.textBaseline = 'middle';
	ctx.textAlign = 'right';
	ctx.fillText(credits, w - pad, h - creditsH / 2);
	ctx.textAlign = 'left';

	// Scale bar above the credits, bottom left.
	let bottom = h - creditsH - 8;
	if (i.scaleBar && i.scaleBar.px > 0) {
		// The bar's length on the map as drawn in the picture (a card crops and scales it).
		const px = (i.scaleBar.px * cover * i.scale) / unit;
		const { label } = i.scaleBar;
		box(ctx, pad, bottom - 22, px + 12, 22);
		ctx.strokeStyle = INK;
		ctx.lineWidth = 1.5;
		ctx.beginPath();
		ctx.moveTo(pad + 6, bottom - 16);
		ctx.lineTo(pad + 6, bottom - 6);
		ctx.lineTo(pad + 6 + px, bottom - 6);
		ctx.lineTo(pad + 6 + px, bottom - 16);
		ctx.stroke();
		ctx.font = font(400, 10);
		ctx.fillStyle = INK;
		ctx.textBaseline = 'alphabetic';
		ctx.fillText(label, pad + 10, bottom - 9);
		bottom -= 30;
	}

	// The legend of the layers shown, above the scale bar.
	const rows = i.legend.slice(0, MAX_LEGEND_ROWS);
	if (rows.length > 0) {
		ctx.font = font(400, 12);
		const labels = rows.map((s) => fit(ctx, ctx.font, s.label, Math.min(260, w / 2)));
		const legendW = Math.max(...labels.map((l) => ctx.measureText(l).width)) + 40;
		const legendH = rows.length * 18 + 10;
		const top = bottom - legendH;
		box(ctx, pad, top, legendW, legendH);
		rows.forEach((s, k) => {
			const cy = top + 5 + k * 18 + 9;
			drawSwatch(ctx, s, pad + 8, cy);
			ctx.fillStyle = INK;
			ctx.textBaseline = 'middle';
			ctx.fillText(labels[k], pad + 30, cy);
		});
	}
	return canvas;
}

/** A light panel for text over the map. */
function box(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) {
	ctx.fillStyle = PAPER;
	ctx.strokeStyle = 'rgba(0, 0, 0, 0.15)';
	ctx.lineWidth = 1;
	ctx.beginPath();
	ctx.roundRect(x, y, w, h, 4);
	ctx.fill();
	ctx.stroke();
}

/** Text cut with an ellipsis to fit `max` pixels in `font`. */
export function fit(ctx: CanvasRenderingContext2D, font: string, text: string, max: number) {
	ctx.font = font;
	if (ctx.measureText(text).width <= max) return text;
	const chars = Array.from(text);
	let n = chars.length;
	while (n > 0 && ctx.measureText(`${chars.slice(0, n).join('').trimEnd()}…`).width > max) n--;
	return `${chars.slice(0, n).join('').trimEnd()}…`;
}

/** A kind's symbol as the legend draws it, in a 20 × 14 box centred on (x + 10, cy). */
function drawSwatch(ctx: CanvasRenderingContext2D, s: Swatch, x: number, cy: number) {
	ctx.save();
	ctx.translate(x, cy - 7);
	ctx.fillStyle = s.colour;
	ctx.strokeStyle = s.colour;
	switch (s.shape) {
		case 'marker': {
			const pts = (s.points ?? '').split(' ').map((p) => p.split(',').map(Number));
			ctx.translate(3, 0);
			ctx.beginPath();
			pts.forEach(([px, py], k) => (k === 0 ? ctx.moveTo(px, py) : ctx.lineTo(px, py)));
			ctx.closePath();
			ctx.fill();
			ctx.strokeStyle = '#fff';
			ctx.stroke();
			break;
		}
		case 'ring':
			ctx.lineWidth = 2.5;
			ctx.beginPath();
			ctx.arc(10, 7, 4.5, 0, 2 * Math.PI);
			ctx.stroke();
			break;
		case 'line':
		case 'dashed':
		case 'arrow':
			ctx.lineWidth = 3;
			if (s.shape === 'dashed') ctx.setLineDash([4, 3]);
			ctx.beginPath();
			ctx.moveTo(0, 7);
			ctx.lineTo(s.shape === 'arrow' ? 15 : 20, 7);
			ctx.stroke();
			if (s.shape === 'arrow') {
				ctx.beginPath();
				ctx.moveTo(20, 7);
				ctx.lineTo(13, 2);
				ctx.lineTo(13, 12);
				ctx.closePath();
				ctx.fill();
			}
			break;
		case 'text':
			ctx.font = `600 11px ${getComputedStyle(document.body).fontFamily}`;
			ctx.textBaseline = 'middle';
			ctx.fillText('Aa', 2, 7);
			break;
		case 'area':
			ctx.globalAlpha = 0.35;
			ctx.fillRect(1, 2, 18, 10);
			ctx.globalAlpha = 1;
			ctx.strokeRect(1, 2, 18, 10);
			break;
		default:
			ctx.beginPath();
			ctx.arc(10, 7, 5, 0, 2 * Math.PI);
			ctx.fill();
	}
	ctx.restore();
}

/** A canvas as a PNG file. */
export function pngOf(canvas: HTMLCanvasElement): Promise<Blob> {
	return new Promise((resolve, reject) =>
		canvas.toBlob(
			(b) => (b ? resolve(b) : reject(new Error('The picture could not be made.'))),
			'image/png'
		)
	);
}
