/**
 * When the interactive map starts. MapLibre's start-up is the page's one long piece of work:
 * on a mid-range phone, seconds of a blocked main thread before anything but text answers
 * (BENCHMARKS.md: Lighthouse). Until it runs, the story's preview image stands in the map's
 * place, and the article, the list and the timeline work.
 *
 * - `idle`: once the browser is idle after the first paint (a mouse or trackpad is there).
 * - `touch`: on phones and tablets (a coarse pointer and no fine one), when the reader first
 *   touches, clicks, scrolls or focuses the map, or presses its start button. A reader who
 *   came to read pays nothing for it.
 */
export type MapStart = 'idle' | 'touch';

export function mapStartFor(matches: (query: string) => boolean): MapStart {
	return matches('(pointer: coarse)') && !matches('(any-pointer: fine)') ? 'touch' : 'idle';
}

/** What the map area does that says the reader wants the map. */
const INTENT = ['pointerdown', 'focusin', 'keydown', 'wheel'] as const;

/**
 * Resolves when the map should start, as `mode` says: on the next idle moment, or on the
 * first sign of intent on `target`. `idle` is the browser's `requestIdleCallback` (a timer
 * where there is none).
 */
export function startSignal(
	mode: MapStart,
	target: EventTarget,
	idle: (run: () => void) => void = whenIdle
): Promise<void> {
	return new Promise((resolve) => {
		if (mode === 'idle') return idle(resolve);
		const go = () => {
			for (const type of INTENT) target.removeEventListener(type, go);
			resolve();
		};
		for (const type of INTENT) target.addEventListener(type, go, { passive: true });
	});
}

/** The next idle moment; within a second at the latest (a busy page never idles). */
export function whenIdle(run: () => void) {
	if ('requestIdleCallback' in window) requestIdleCallback(() => run(), { timeout: 1000 });
	else setTimeout(run, 1);
}
