/**
 * Can this browser run the interactive map? MapLibre needs WebGL (2, or 1 as a fallback);
 * without it `new Map()` throws, so the page asks first and shows the static overview
 * (`StaticMap.svelte`) instead.
 */

/** Only what the probe uses of a canvas, so tests can pass a fake. */
export interface ProbeCanvas {
	getContext(type: string, options?: WebGLContextAttributes): unknown;
}

/**
 * Options the probe asks for. `failIfMajorPerformanceCaveat: false`: a software renderer
 * (SwiftShader, or a blocklisted GPU) is slow but draws the map correctly, which beats a
 * static picture; MapLibre itself does not ask for the caveat either.
 */
export const PROBE_OPTIONS: WebGLContextAttributes = { failIfMajorPerformanceCaveat: false };

const CONTEXT_TYPES = ['webgl2', 'webgl'] as const;

/**
 * True when a WebGL 2 or WebGL 1 context can be created. The probe uses a detached canvas and
 * gives its context back at once (browsers cap live contexts, and the map needs one). Never
 * throws: a browser that throws on `getContext` (some do when GPU access is blocked) has no
 * WebGL as far as we are concerned. Outside a browser (prerendering) the answer is false.
 */
export function hasWebGL(createCanvas: () => ProbeCanvas = defaultCanvas): boolean {
	let canvas: ProbeCanvas;
	try {
		canvas = createCanvas();
	} catch {
		return false;
	}
	for (const type of CONTEXT_TYPES) {
		try {
			const gl = canvas.getContext(type, PROBE_OPTIONS);
			if (gl && typeof gl === 'object') {
				release(gl);
				return true;
			}
		} catch {
			// Try the next kind of context.
		}
	}
	return false;
}

function defaultCanvas(): ProbeCanvas {
	if (typeof document === 'undefined') throw new Error('no document');
	return document.createElement('canvas');
}

/** Give the probe's context back now rather than at garbage collection. */
function release(gl: object) {
	try {
		const ext = (gl as WebGLRenderingContext).getExtension?.('WEBGL_lose_context');
		ext?.loseContext();
	} catch {
		// Not supported: the context goes when the canvas is collected.
	}
}
