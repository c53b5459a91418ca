/**
 * Writing to the clipboard, for Copy link and Copy embed code: false where the Clipboard API
 * is missing (an insecure origin, an old browser) or refused (a frame without
 * `clipboard-write`), and the caller then shows the text selected, to copy by hand.
 */
export async function copyText(text: string): Promise<boolean> {
	try {
		if (!navigator.clipboard) return false;
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		return false;
	}
}
