/**
 * Words only a popup says: distances, how sure a location is, which links may be links, and
 * a passage's first words.
 * Apart from `format.ts` because modules, not functions, are what code is split by: here they
 * come with the popup's code (loaded on first intent), not with the first load.
 */
import type { CompiledProperties } from '$lib/story/compiled';
import { firstWords as words } from '$lib/story/passages';
import { formatCount } from './format';

/** Kilometres for reading: 1 decimal under 10 km, whole kilometres above. */
export function formatKm(km: number): string {
	if (!Number.isFinite(km)) return '';
	const value = km < 10 ? String(Math.round(km * 10) / 10) : formatCount(Math.round(km));
	return `${value} km`;
}

/** How sure the location is, in words: "exact", "approximate, within 10 km", "disputed: Turkish account". */
export function precisionInWords(
	p: Pick<CompiledProperties, 'precision' | 'uncertaintyKm' | 'label' | 'claimedBy'>
): string {
	const within = p.uncertaintyKm ? `within ${formatKm(p.uncertaintyKm)}` : '';
	switch (p.precision) {
		case 'exact':
			return 'exact';
		case 'approximate':
			return within ? `approximate, ${within}` : 'approximate';
		case 'disputed': {
			const whose = p.label ?? (p.claimedBy ? `claimed by ${p.claimedBy}` : '');
			const parts = [whose, within].filter(Boolean).join(', ');
			return parts ? `disputed: ${parts}` : 'disputed';
		}
	}
}

/** Only web links become `<a href>`: anything else in the data (javascript:, data:) stays text. */
export function safeHttpUrl(url: string | undefined): string | null {
	if (!url) return null;
	try {
		const u = new URL(url);
		return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
	} catch {
		return null;
	}
}

/** The first `n` words of a passage, with an ellipsis when cut. */
export function firstWords(text: string, n = 6): string {
	const head = words(text, n);
	return head.length < text.trim().replace(/\s+/g, ' ').length ? `${head}…` : head;
}
