import { describe, expect, it } from 'vitest';
import { plainClick } from '../../src/lib/ui/plain-click';

const click = (over: Partial<MouseEvent> = {}) =>
	({
		button: 0,
		metaKey: false,
		ctrlKey: false,
		shiftKey: false,
		altKey: false,
		...over
	}) as MouseEvent;

describe('plainClick', () => {
	it('is a left click with no modifier', () => expect(plainClick(click())).toBe(true));
	it.each(['metaKey', 'ctrlKey', 'shiftKey', 'altKey'] as const)(
		'leaves a click with %s to the browser (new tab, window, download)',
		(key) => expect(plainClick(click({ [key]: true }))).toBe(false)
	);
	it('leaves the middle and right buttons to the browser', () => {
		expect(plainClick(click({ button: 1 }))).toBe(false);
		expect(plainClick(click({ button: 2 }))).toBe(false);
	});
});
