/**
 * When the interactive map starts (`$lib/map/map-start`): on idle where there is a mouse or
 * trackpad, on the reader's first sign of intent on touch screens only.
 */
import { describe, expect, it } from 'vitest';
import { mapStartFor, startSignal } from '$lib/map/map-start';

const media = (matching: string[]) => (q: string) => matching.includes(q);

describe('mapStartFor', () => {
	it('waits for a touch only where every pointer is coarse', () => {
		expect(mapStartFor(media(['(pointer: coarse)']))).toBe('touch');
		// A tablet with a trackpad, a laptop with a touch screen: a fine pointer is there.
		expect(mapStartFor(media(['(pointer: coarse)', '(any-pointer: fine)']))).toBe('idle');
		expect(mapStartFor(media(['(any-pointer: fine)']))).toBe('idle');
		expect(mapStartFor(media([]))).toBe('idle');
	});
});

describe('startSignal', () => {
	const settled = async (p: Promise<void>) => {
		let done = false;
		void p.then(() => (done = true));
		await new Promise((r) => setTimeout(r, 0));
		return done;
	};

	it('on idle, starts when the browser is idle and not before', async () => {
		let run: (() => void) | undefined;
		const started = startSignal('idle', new EventTarget(), (r) => (run = r));
		expect(await settled(started)).toBe(false);
		run!();
		expect(await settled(started)).toBe(true);
	});

	it('on touch, waits for intent on the map, whatever the idle time', async () => {
		for (const type of ['pointerdown', 'focusin', 'keydown', 'wheel']) {
			const map = new EventTarget();
			const started = startSignal('touch', map, (r) => r());
			expect(await settled(started), `before ${type}`).toBe(false);
			map.dispatchEvent(new Event('mousemove'));
			expect(await settled(started), 'a hover is not intent').toBe(false);
			map.dispatchEvent(new Event(type));
			expect(await settled(started), type).toBe(true);
		}
	});

	it('stops listening once started', async () => {
		const map = new EventTarget();
		const removed: string[] = [];
		const remove = map.removeEventListener.bind(map);
		map.removeEventListener = (type: string, ...rest: [never, never?]) => {
			removed.push(type);
			remove(type, ...rest);
		};
		const started = startSignal('touch', map);
		map.dispatchEvent(new Event('pointerdown'));
		await started;
		expect(removed.sort()).toEqual(['focusin', 'keydown', 'pointerdown', 'wheel']);
	});
});
