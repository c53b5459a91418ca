/**
 * `scripts/serve.js` compresses text on the way out, as static hosts do: what the browser
 * tests and Lighthouse measure is what a reader of a hosted site receives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { gzipOnTheFly, serve } from '../../scripts/serve.js';

const script = 'export const x = 1;\n'.repeat(200);
const picture = Buffer.alloc(4096, 7);
let dir: string;
let server: Server;

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'serve-gzip-'));
	writeFileSync(path.join(dir, 'app.js'), script);
	writeFileSync(path.join(dir, 'tiny.css'), 'a{}');
	writeFileSync(path.join(dir, 'map.png'), picture);
	writeFileSync(path.join(dir, 'index.html'), `<!doctype html><p>${'text '.repeat(400)}</p>`);
	server = await serve({ dir, port: 0, quiet: true });
});
afterAll(() => {
	server.close();
	rmSync(dir, { recursive: true, force: true });
});

function get(pathname: string, headers: Record<string, string> = {}) {
	const { port } = server.address() as AddressInfo;
	return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
		(resolve, reject) => {
			request({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body: Buffer.concat(chunks)
					})
				);
			})
				.on('error', reject)
				.end();
		}
	);
}

describe('gzip on the fly (scripts/serve.js)', () => {
	it('gzips text the browser accepts gzip for, and the bytes unzip to the file', async () => {
		const r = await get('/app.js', { 'Accept-Encoding': 'gzip, deflate, br' });
		expect(r.status).toBe(200);
		expect(r.headers['content-encoding']).toBe('gzip');
		expect(r.headers.vary).toBe('Accept-Encoding');
		expect(r.body.length).toBeLessThan(script.length / 10);
		expect(gunzipSync(r.body).toString()).toBe(script);
		const page = await get('/', { 'Accept-Encoding': 'gzip' });
		expect(page.headers['content-encoding']).toBe('gzip');
	});

	it('sends the file as it is without gzip in Accept-Encoding, to a range request, or for a picture', async () => {
		const plain = await get('/app.js');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.headers['content-length']).toBe(String(script.length));
		expect(plain.body.toString()).toBe(script);

		const range = await get('/app.js', { 'Accept-Encoding': 'gzip', Range: 'bytes=0-9' });
		expect(range.status).toBe(206);
		expect(range.headers['content-encoding']).toBeUndefined();
		expect(range.body.toString()).toBe(script.slice(0, 10));

		const png = await get('/map.png', { 'Accept-Encoding': 'gzip' });
		expect(png.headers['content-encoding']).toBeUndefined();
		expect(png.body.equals(picture)).toBe(true);
	});

	it('chooses by type, size and what the browser accepts', () => {
		expect(gzipOnTheFly('a/tile.pbf', 5000, 'gzip')).toBe(true);
		expect(gzipOnTheFly('a/story.geojson', 5000, 'br, gzip')).toBe(true);
		expect(gzipOnTheFly('a/tiny.css', 3, 'gzip')).toBe(false);
		expect(gzipOnTheFly('a/basemap.pmtiles', 5000, 'gzip')).toBe(false);
		expect(gzipOnTheFly('a/app.js', 5000, 'br, deflate')).toBe(false);
		expect(gzipOnTheFly('a/app.js', 5000, 'x-gzip-not')).toBe(false);
		expect(gzipOnTheFly('a/app.js', 5000, 'br, gzip;q=0')).toBe(false);
		expect(gzipOnTheFly('a/app.js', 5000, 'GZIP ; q=0.5')).toBe(true);
	});
});
