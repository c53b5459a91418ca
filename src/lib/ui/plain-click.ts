/**
 * A plain left click: the app may handle it in place. With a modifier (new tab, new window,
 * download) or another button, the browser does what the reader asked, so the link is left
 * alone.
 */
export function plainClick(e: MouseEvent): boolean {
	return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}
