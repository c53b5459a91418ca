/**
 * Bringing a passage of the article to the reader: scrolled to the middle of the panel, and
 * focused when the reader followed a link to it (so keyboard and screen-reader users land
 * there too). Smooth only for readers who have not asked for less motion.
 */
import { tick } from 'svelte';

/** Scroll a passage into view, and focus it when `focus` is set. After the DOM has updated. */
export async function showPassage(passageId: string, opts: { focus: boolean }): Promise<void> {
	// After the change that marked it has been rendered.
	await tick();
	const el = document.getElementById(passageId);
	if (!el) return;
	if (!opts.focus) return el.scrollIntoView({ block: 'center' });
	const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
	el.focus({ preventScroll: true });
	el.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
}
