/**
 * The headers a host sends that a `<meta>` Content-Security-Policy cannot carry, as a
 * `_headers` file (Netlify's and Cloudflare Pages' format; `scripts/serve.js` reads the same
 * file). Who may frame a page is one of them: nobody for the full pages, `EMBED_ORIGINS` for
 * the embed views. The rules never overlap on a header, because the two hosts merge
 * overlapping rules differently (Netlify: the later wins; Cloudflare: values are joined).
 */

/** Sent with every file. */
export const SECURITY_HEADERS: Record<string, string> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'Cross-Origin-Opener-Policy': 'same-origin'
};

/** The full pages' paths: never framed (the embed views are made for that). */
export const FULL_PAGE_PATHS = ['/', '/index.html', '/events/*', '/200.html', '/404.html'];

/** The embed views' paths. */
export const EMBED_PATHS = ['/embed/*'];

/**
 * `EMBED_ORIGINS`: who may frame the embed views, as `frame-ancestors` sources. Unset or
 * empty: anyone (`*`). Otherwise origins separated by spaces (`https://news.example.org`),
 * each `scheme://host[:port]`, or `*` alone; `'self'` is allowed too. Anything else throws,
 * naming the value, so a typo fails the build instead of silently blocking every embed.
 */
export function embedOrigins(value: string | undefined): string[] {
	const items = (value ?? '').trim().split(/\s+/).filter(Boolean);
	if (items.length === 0) return ['*'];
	const wrong: string[] = [];
	const out = items.map((item) => {
		if (item === '*' || item === "'self'") return item;
		let url: URL | undefined;
		try {
			url = new URL(item);
		} catch {
			url = undefined;
		}
		const origin = url && /^https?:$/.test(url.protocol) ? url.origin : undefined;
		if (!origin || origin !== item.replace(/\/$/, '')) wrong.push(item);
		return origin ?? item;
	});
	if (wrong.length > 0) {
		throw new Error(
			`EMBED_ORIGINS must be origins such as https://news.example.org, separated by spaces, or *; not ${wrong.map((w) => `“${w}”`).join(', ')}`
		);
	}
	if (out.includes('*') && out.length > 1) {
		throw new Error('EMBED_ORIGINS: * already allows every origin; give it alone');
	}
	return out;
}

export interface HeaderRule {
	path: string;
	headers: Record<string, string>;
}

/** The rules: security headers for everything, and who may frame which page. */
export function hostHeaderRules(origins: string[]): HeaderRule[] {
	return [
		{ path: '/*', headers: SECURITY_HEADERS },
		...FULL_PAGE_PATHS.map((path) => ({
			path,
			headers: { 'Content-Security-Policy': "frame-ancestors 'none'" }
		})),
		...EMBED_PATHS.map((path) => ({
			path,
			headers: { 'Content-Security-Policy': `frame-ancestors ${origins.join(' ')}` }
		}))
	];
}

/** The rules as a `_headers` file. */
export function headersFile(rules: HeaderRule[]): string {
	const lines = ['# Made at build time (src/lib/embed/headers.ts). README: hosting.'];
	for (const rule of rules) {
		lines.push(rule.path);
		for (const [name, value] of Object.entries(rule.headers)) lines.push(`  ${name}: ${value}`);
	}
	return `${lines.join('\n')}\n`;
}
