/**
 * The popup's code, loaded on demand (`$lib/app/popup-code.svelte`): no popup is let through
 * before the code is here, asking for one loads it once, a failed load is retried, and a
 * press, key or focus change starts loading while a hover does not.
 */
import { describe, expect, it, vi } from 'vitest';
import { PopupCodeState, type PopupCode } from '$lib/app/popup-code.svelte';

const fakeComponent = (() => undefined) as unknown as PopupCode;
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('PopupCodeState', () => {
	it('lets no popup through until its code is here, then lets it through', async () => {
		const importCode = vi.fn(async () => fakeComponent);
		const s = new PopupCodeState(importCode);
		const at = { fid: 'a', lngLat: [1, 2] };
		expect(s.gate(at)).toBeUndefined();
		expect(s.gate(undefined)).toBeUndefined();
		await settle();
		expect(s.code).toBe(fakeComponent);
		expect(s.gate(at)).toBe(at);
		expect(s.gate(undefined)).toBeUndefined();
		expect(importCode).toHaveBeenCalledTimes(1);
	});

	it('does not load for "no popup"', async () => {
		const importCode = vi.fn(async () => fakeComponent);
		const s = new PopupCodeState(importCode);
		s.gate(undefined);
		await settle();
		expect(importCode).not.toHaveBeenCalled();
	});

	it('loads once however often it is asked', async () => {
		const importCode = vi.fn(async () => fakeComponent);
		const s = new PopupCodeState(importCode);
		await Promise.all([s.load(), s.load(), s.load()]);
		s.gate({});
		expect(importCode).toHaveBeenCalledTimes(1);
	});

	it('reports a failed load and tries again on the next request', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const importCode = vi
			.fn<() => Promise<PopupCode>>()
			.mockRejectedValueOnce(new Error('offline'))
			.mockResolvedValueOnce(fakeComponent);
		const s = new PopupCodeState(importCode);
		expect(await s.load()).toBeUndefined();
		expect(error).toHaveBeenCalledOnce();
		expect(s.code).toBeUndefined();
		expect(await s.load()).toBe(fakeComponent);
		expect(importCode).toHaveBeenCalledTimes(2);
		error.mockRestore();
	});

	it.each(['pointerdown', 'keydown', 'focusin'])('starts loading on the first %s', async (type) => {
		const importCode = vi.fn(async () => fakeComponent);
		const s = new PopupCodeState(importCode);
		const target = new EventTarget();
		s.loadOnIntent(target);
		target.dispatchEvent(new Event('pointermove'));
		target.dispatchEvent(new Event('pointerover'));
		expect(importCode).not.toHaveBeenCalled();
		target.dispatchEvent(new Event(type));
		target.dispatchEvent(new Event(type));
		await settle();
		expect(importCode).toHaveBeenCalledTimes(1);
		expect(s.code).toBe(fakeComponent);
	});
});
