/** "Did you mean …?" for names an author may mistype: fields, country names, ids. */

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two neighbouring
 * letters ("Syrai" → "Syria" is 1): optimal string alignment, case-sensitive.
 */
export function editDistance(a: string, b: string): number {
	const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
		Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
	);
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
			}
		}
	}
	return d[a.length][b.length];
}

const fold = (s: string) =>
	s
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();

/**
 * Candidates close to `name`, best first: equal ignoring case and accents, then containing or
 * contained in it (for "Russian Federation" → "Russia"), then within a small edit distance.
 */
export function suggest(name: string, candidates: Iterable<string>, max = 3): string[] {
	const wanted = fold(name);
	if (wanted === '') return [];
	const scored: { candidate: string; score: number }[] = [];
	for (const candidate of candidates) {
		const folded = fold(candidate);
		if (folded === '') continue;
		let score: number;
		if (folded === wanted) score = 0;
		else if (
			Math.min(folded.length, wanted.length) >= 4 &&
			(folded.includes(wanted) || wanted.includes(folded))
		)
			score = 1;
		else {
			const distance = editDistance(folded, wanted);
			const allowed = Math.max(1, Math.floor(Math.max(folded.length, wanted.length) / 3));
			if (distance > allowed) continue;
			score = 1 + distance;
		}
		scored.push({ candidate, score });
	}
	return scored
		.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
		.slice(0, max)
		.map(({ candidate }) => candidate);
}

/** ` (did you mean "a" or "b"?)`, or nothing when there is no close candidate. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
	const close = suggest(name, candidates);
	if (close.length === 0) return '';
	const quoted = close.map((c) => `"${c}"`);
	const list =
		quoted.length === 1
			? quoted[0]
			: `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
	return ` (did you mean ${list}?)`;
}
