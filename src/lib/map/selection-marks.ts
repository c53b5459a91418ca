/**
 * How the map marks the selected feature (`MapView`): a popup beside it, or, when the
 * selection is shown in the phone's sheet, a ring on it, kept above the sheet. Fetched once
 * the map's first view is drawn (or with a selection before that): the first view needs none
 * of it, and its first load is smaller for it (BENCHMARKS.md: first-load JS).
 */
import type { Map as MapLibreMap, Marker, Popup } from 'maplibre-gl';

type MapLibre = typeof import('maplibre-gl');

/** What marks the selection now; `MapView` removes them when the selection goes. */
export interface Marks {
	popup?: Popup;
	ring?: Marker;
}

export interface Selected {
	lngLat: [number, number];
	/** Bring it into view once the camera has arrived (a shared view is kept as it is). */
	reveal?: boolean;
	/** Move focus into the popup (the reader chose from the keyboard side). */
	focus?: boolean;
}

export interface Where {
	/** The map's container, and how much of its bottom the phone's sheet covers. */
	container: HTMLElement;
	bottomInset: number;
	reducedMotion: boolean;
	/** What the popup shows (the component's snippet, rendered by Svelte). */
	popupNode: HTMLElement;
	/** The reader closed the popup. */
	onclose: () => void;
}

export function markSelection(
	{ Popup, Marker }: MapLibre,
	m: MapLibreMap,
	marks: Marks,
	at: Selected,
	inSheet: boolean,
	where: Where
) {
	if (inSheet) {
		if (!marks.ring) {
			const element = document.createElement('div');
			element.className = 'selection-ring';
			marks.ring = new Marker({ element });
		}
		marks.ring.setLngLat(at.lngLat).addTo(m);
		// Above the sheet, once the camera has arrived (a shared view is kept as it is).
		if (at.reveal) afterMove(m, () => keepInView(m, at.lngLat, where));
		return;
	}
	if (!marks.popup) {
		const popup = new Popup({
			closeButton: false,
			closeOnClick: false,
			// Focus is the layout's call: it moves focus in only when the reader asked
			// from the keyboard side (the list, the article).
			focusAfterOpen: false,
			maxWidth: 'min(22rem, calc(100vw - 24px))',
			offset: 12
		});
		popup.on('close', () => {
			// Forgotten before a removal the page made: only a close the reader made reports.
			if (marks.popup === popup) {
				marks.popup = undefined;
				where.onclose();
			}
		});
		marks.popup = popup;
	}
	const popup = marks.popup;
	where.popupNode.hidden = false;
	popup.setLngLat(at.lngLat);
	// addTo() on an open popup removes it first, which fires 'close': only add it once.
	if (!popup.isOpen()) popup.setDOMContent(where.popupNode).addTo(m);
	if (at.focus)
		where.popupNode.querySelector<HTMLElement>('[role="dialog"]')?.focus({ preventScroll: true });
	// A view from a shared link is kept exactly; otherwise bring the popup into view once
	// the camera has arrived.
	if (at.reveal) afterMove(m, () => keepPopupInView(m, popup, where));
}

/** Once the camera is still (at once if it is), on the next frame. */
function afterMove(m: MapLibreMap, then: () => void) {
	if (m.isMoving()) m.once('moveend', () => requestAnimationFrame(then));
	else requestAnimationFrame(then);
}

/** Pan a point into the middle of the part of the map above the sheet, if it is not in it. */
function keepInView(m: MapLibreMap, lngLat: [number, number], where: Where) {
	// In the map's own pixels, as `project` gives them.
	const { x, y } = m.project(lngLat);
	const width = where.container.clientWidth;
	const height = where.container.clientHeight - where.bottomInset;
	const margin = 40;
	const inside = (v: number, size: number) => v > margin && v < size - margin;
	if (inside(x, width) && inside(y, height)) return;
	m.panBy([x - width / 2, y - height / 2], { animate: !where.reducedMotion });
}

/** Pan just enough that the whole popup is on screen (what Leaflet calls autoPan). */
function keepPopupInView(m: MapLibreMap, popup: Popup, where: Where) {
	const el = popup.getElement();
	if (!el || !popup.isOpen()) return;
	const box = el.getBoundingClientRect();
	// The part of the map not under the sheet, in the page's pixels.
	const { left, right, top, bottom } = where.container.getBoundingClientRect();
	const frame = { left, right, top, bottom: bottom - where.bottomInset };
	const margin = 12;
	const overflow = (lo: number, hi: number, min: number, max: number) =>
		hi - lo > max - min
			? lo - min - margin
			: lo < min + margin
				? lo - min - margin
				: hi > max - margin
					? hi - max + margin
					: 0;
	const dx = overflow(box.left, box.right, frame.left, frame.right);
	const dy = overflow(box.top, box.bottom, frame.top, frame.bottom);
	if (Math.abs(dx) > 1 || Math.abs(dy) > 1) m.panBy([dx, dy], { animate: !where.reducedMotion });
}
