/** `hasWebGL`: the probe that decides between the interactive map and the static overview. */
import { describe, expect, it, vi } from 'vitest';
import { hasWebGL, PROBE_OPTIONS, type ProbeCanvas } from '$lib/map/webgl';

type Answer = 'context' | 'null' | 'throw';

/** A canvas whose getContext answers per context type, and records what it was asked. */
function fakeCanvas(answers: Partial<Record<string, Answer>>) {
	const loseContext = vi.fn();
	const calls: { type: string; options?: WebGLContextAttributes }[] = [];
	const canvas: ProbeCanvas = {
		getContext(type, options) {
			calls.push({ type, options });
			const answer = answers[type] ?? 'null';
			if (answer === 'throw') throw new Error(`${type} blocked`);
			if (answer === 'null') return null;
			return {
				getExtension: (name: string) => (name === 'WEBGL_lose_context' ? { loseContext } : null)
			};
		}
	};
	return { canvas, calls, loseContext };
}

describe('hasWebGL', () => {
	it('is true with WebGL 2, and asks for nothing more', () => {
		const { canvas, calls } = fakeCanvas({ webgl2: 'context' });
		expect(hasWebGL(() => canvas)).toBe(true);
		expect(calls.map((c) => c.type)).toEqual(['webgl2']);
	});

	it('falls back to WebGL 1', () => {
		const { canvas, calls } = fakeCanvas({ webgl2: 'null', webgl: 'context' });
		expect(hasWebGL(() => canvas)).toBe(true);
		expect(calls.map((c) => c.type)).toEqual(['webgl2', 'webgl']);
	});

	it('accepts a software renderer: no major-performance-caveat failure', () => {
		const { canvas, calls } = fakeCanvas({ webgl2: 'context' });
		hasWebGL(() => canvas);
		expect(calls[0].options).toEqual(PROBE_OPTIONS);
		expect(PROBE_OPTIONS.failIfMajorPerformanceCaveat).toBe(false);
	});

	it('is false when neither context can be made', () => {
		const { canvas } = fakeCanvas({});
		expect(hasWebGL(() => canvas)).toBe(false);
	});

	it('treats a throwing getContext as no context, and still tries the other kind', () => {
		expect(hasWebGL(() => fakeCanvas({ webgl2: 'throw', webgl: 'throw' }).canvas)).toBe(false);
		expect(hasWebGL(() => fakeCanvas({ webgl2: 'throw', webgl: 'context' }).canvas)).toBe(true);
	});

	it('is false when no canvas can be made, e.g. outside a browser', () => {
		expect(
			hasWebGL(() => {
				throw new Error('no document');
			})
		).toBe(false);
		// The default canvas factory under Node (prerendering): no document, no WebGL.
		expect(hasWebGL()).toBe(false);
	});

	it('gives the probe context back at once', () => {
		const { canvas, loseContext } = fakeCanvas({ webgl2: 'context' });
		hasWebGL(() => canvas);
		expect(loseContext).toHaveBeenCalledOnce();
	});

	it('does not mind a context without the lose-context extension', () => {
		const canvas: ProbeCanvas = { getContext: () => ({}) };
		expect(hasWebGL(() => canvas)).toBe(true);
	});
});
