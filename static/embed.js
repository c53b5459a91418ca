/*
 * Conflict map: sizes the map's frames on a host page to their content. Paste it beside the
 * iframe, as the Embed snippet does: <script src="https://<map site>/embed.js" async></script>
 *
 * The frame posts {type: "conflict-map:height", height, src} whenever its content's height
 * changes. A message is obeyed only if it comes from an iframe of this page (event.source is
 * that iframe's window), from the origin that iframe was loaded from, and that origin is the
 * one this script was served from: other frames, windows and sites are ignored.
 * Several snippets on one page share one listener.
 */
(function () {
	'use strict';
	var script = document.currentScript;
	if (!script || !script.src) return;
	var origin = new URL(script.src, location.href).origin;
	var key = '__conflictMapEmbed ' + origin;
	if (window[key]) return;
	window[key] = true;
	/** Heights outside these bounds are clamped: a frame cannot make itself vanish or huge. */
	var MIN = 150;
	var MAX = 10000;

	window.addEventListener('message', function (event) {
		if (event.origin !== origin) return;
		var data = event.data;
		if (!data || typeof data !== 'object' || data.type !== 'conflict-map:height') return;
		var height = data.height;
		if (typeof height !== 'number' || !isFinite(height)) return;
		var frames = document.getElementsByTagName('iframe');
		for (var i = 0; i < frames.length; i++) {
			var frame = frames[i];
			if (frame.contentWindow !== event.source) continue;
			var from;
			try {
				from = new URL(frame.src, location.href).origin;
			} catch {
				return;
			}
			if (from !== event.origin) return;
			frame.style.height = Math.min(MAX, Math.max(MIN, Math.ceil(height))) + 'px';
			return;
		}
	});
})();
