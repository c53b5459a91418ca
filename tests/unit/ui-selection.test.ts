import { describe, expect, it } from 'vitest';
import { markInPassage, primaryFeature } from '../../src/lib/ui/selection';
import { featuresByPassage, passageLinks } from '../../src/lib/article/passage-links';
import type { CompiledEvent, CompiledProperties } from '../../src/lib/story/compiled';

const base = {
	event: 'talks',
	date: '2015-11-26',
	country: 'Russia',
	precision: 'exact' as const,
	sources: [{ title: 'Wikipedia' }],
	layer: 'events'
};
const f = (
	fid: string,
	kind: string,
	passages: string[],
	quote: string,
	extra: Partial<CompiledProperties> = {}
) => ({ ...base, fid, kind, passages, quote, title: fid, ...extra }) as CompiledProperties;

const features: Record<string, CompiledProperties> = {
	border: f('border', 'border', ['p1'], 'downed'),
	label: f('label', 'place', ['p1'], 'Kremlin'),
	dinner: f('dinner', 'diplomacy', ['p1', 'p2'], 'working dinner in the Kremlin'),
	doubt: f('doubt', 'uncertainty', ['p1'], 'Kremlin', { of: 'dinner' })
};
const event = {
	id: 'talks',
	featureIds: ['border', 'label', 'dinner'],
	feature: 'dinner',
	passages: ['p1']
} as unknown as CompiledEvent;
const passages = [
	{ id: 'p1', text: 'After a working dinner in the Kremlin, the jet was downed.' },
	{ id: 'p2', text: 'Nothing quoted here.' }
];

// Which feature that is (named in events.json, or the default) is decided by the compiler:
// tests/unit/story-compile.test.ts.
describe('primaryFeature', () => {
	it('opens the feature the compiled event names', () => {
		expect(primaryFeature(event, features)?.fid).toBe('dinner');
		expect(primaryFeature({ ...event, feature: 'border' }, features)?.fid).toBe('border');
	});
});

describe('markInPassage', () => {
	it('marks the selected feature’s quote, else the event’s, else the whole passage', () => {
		expect(markInPassage(passages[0], features.dinner, event, features)).toEqual({
			start: 8,
			end: 37
		});
		expect(markInPassage(passages[0], undefined, event, features)).toEqual({ start: 51, end: 57 });
		expect(markInPassage(passages[1], features.dinner, event, features)).toEqual({
			start: 0,
			end: 20
		});
	});
});

describe('passage links', () => {
	it('links quotes found in their passages, place names first, never uncertainty areas', () => {
		const links = passageLinks(passages, features);
		expect(links.p1.map((l) => l.featureId).sort()).toEqual(['border', 'dinner', 'label']);
		expect(links.p1.find((l) => l.featureId === 'label')!.priority).toBe(1);
		expect(links.p2).toEqual([]);
	});
	it('indexes features by the passages they cite', () => {
		expect(featuresByPassage(features).p2).toEqual(['dinner']);
		expect(featuresByPassage(features).p1).toContain('doubt');
	});
});

describe('passageLinks at scale', () => {
	it('keeps one link per span, the one resolveOverlaps would keep', () => {
		const many: Record<string, CompiledProperties> = {};
		for (let i = 0; i < 5000; i++) {
			const fid = `f-${String(4999 - i).padStart(4, '0')}`;
			many[fid] = f(fid, 'attack', ['p1'], 'working dinner in the Kremlin', { event: `e${i}` });
		}
		many.label = f('label', 'place', ['p1'], 'Kremlin');
		const links = passageLinks(passages, many);
		expect(links.p1.map((l) => [l.featureId, l.priority])).toEqual(
			expect.arrayContaining([
				['f-0000', 0],
				['label', 1]
			])
		);
		expect(links.p1).toHaveLength(2);
		expect(links.p2).toEqual([]);
	});
});
