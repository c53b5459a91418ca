/**
 * Who may frame which page: `EMBED_ORIGINS` read strictly, the host's rules (never two on one
 * header for one path), the `_headers` file, and `scripts/serve.js` reading that file back as
 * a host does.
 */
import { describe, expect, it } from 'vitest';
import { embedOrigins, headersFile, hostHeaderRules, SECURITY_HEADERS } from '$lib/embed/headers';
import { parseHeadersFile } from '../../scripts/serve.js';

/** The headers a path gets from the rules, as serve.js and Netlify apply them. */
function headersFor(pathname: string, origins = ['*']) {
	const out: Record<string, string> = {};
	for (const rule of parseHeadersFile(headersFile(hostHeaderRules(origins)))) {
		if (rule.pattern.test(pathname)) Object.assign(out, rule.headers);
	}
	return out;
}

describe('EMBED_ORIGINS', () => {
	it('is anyone when unset or empty, else the origins given', () => {
		expect(embedOrigins(undefined)).toEqual(['*']);
		expect(embedOrigins('  ')).toEqual(['*']);
		expect(embedOrigins('https://news.example.org  http://localhost:8080')).toEqual([
			'https://news.example.org',
			'http://localhost:8080'
		]);
		expect(embedOrigins("'self' https://news.example.org/")).toEqual([
			"'self'",
			'https://news.example.org'
		]);
	});

	it('names every value that is not an origin, in one error', () => {
		expect(() => embedOrigins('news.example.org https://x.org/path ftp://x.org')).toThrow(
			/“news\.example\.org”, “https:\/\/x\.org\/path”, “ftp:\/\/x\.org”/
		);
		expect(() => embedOrigins('* https://x.org')).toThrow(/alone/);
	});
});

describe('host headers', () => {
	it('full pages may not be framed; embed views by the origins given', () => {
		for (const p of ['/', '/index.html', '/events/su24-shootdown/', '/404.html', '/200.html']) {
			expect(headersFor(p)['Content-Security-Policy'], p).toBe("frame-ancestors 'none'");
		}
		for (const p of ['/embed/', '/embed/events/su24-shootdown/']) {
			expect(headersFor(p)['Content-Security-Policy'], p).toBe('frame-ancestors *');
			expect(headersFor(p, ['https://a.org', 'https://b.org'])['Content-Security-Policy']).toBe(
				'frame-ancestors https://a.org https://b.org'
			);
		}
	});

	it('every file gets the security headers', () => {
		for (const p of ['/', '/embed/', '/embed.js', '/story/shell.json', '/nope']) {
			expect(headersFor(p)).toMatchObject(SECURITY_HEADERS);
		}
	});

	it('no two rules set one header for one path (hosts merge overlaps differently)', () => {
		const rules = parseHeadersFile(headersFile(hostHeaderRules(['*'])));
		for (const p of ['/', '/index.html', '/events/x/', '/embed/', '/embed/events/x/', '/x.json']) {
			const seen = new Set<string>();
			for (const rule of rules.filter((r) => r.pattern.test(p))) {
				for (const name of Object.keys(rule.headers)) {
					expect(seen.has(name), `${name} twice for ${p}`).toBe(false);
					seen.add(name);
				}
			}
		}
	});
});
