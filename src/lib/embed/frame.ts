/**
 * The embed view's side of the resize: whenever the content's height changes, the host page
 * is told (ours, Pym.js's and AMP's forms: `heightMessages`). Loaded only inside a frame.
 */
import { heightMessages } from './embed';

/**
 * Watch `el` (the view's content) and post its height to the parent window. Sent to any
 * origin on purpose: the host is whoever embedded us and a height tells nothing; the host
 * checks where a message came from (`static/embed.js`). Returns a function that stops.
 */
export function reportHeight(el: HTMLElement, target: Window = parent): () => void {
	// Pym.js hosts name their frame in the query (`?childId=`), and match messages by it.
	const pymId = new URLSearchParams(location.search).get('childId') ?? '';
	let last = -1;
	const post = () => {
		const height = Math.ceil(el.getBoundingClientRect().height);
		if (height === last) return;
		last = height;
		for (const message of heightMessages(height, location.href, pymId)) {
			target.postMessage(message, '*');
		}
	};
	const observer = new ResizeObserver(post);
	observer.observe(el);
	post();
	return () => observer.disconnect();
}
