// A tiny static file server for measuring the built site as a CDN would serve it: under the
// deploy base path, text compressed (brotli or gzip, as the browser asks and the caller allows),
// directories answered with their index.html, immutable assets cached for a year.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.webmanifest': 'application/manifest+json'
};

/** Types a CDN compresses; images and woff2 are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg\+xml)/;

/**
 * Picks the encoding to send: the first of `allowed` that the request's Accept-Encoding lists.
 * @param {string | undefined} accept
 * @param {string[]} allowed e.g. ['br', 'gzip']
 * @returns {string | null}
 */
export function pickEncoding(accept, allowed) {
	const offered = new Set(
		(accept ?? '')
			.split(',')
			.map((s) => s.trim().split(';'))
			.filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
			.map(([name]) => (name ?? '').trim().toLowerCase())
	);
	return allowed.find((e) => offered.has(e)) ?? null;
}

/**
 * @param {object} options
 * @param {string} options.root folder to serve (e.g. 'build')
 * @param {string} [options.base] path the site is deployed under, e.g. '/graphics/2024/x'
 * @param {number} options.port
 * @param {string} [options.host]
 * @param {string[]} [options.encodings] preferred first; default ['gzip'] (budgets are gzip)
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveStatic({
	root,
	base = '',
	port,
	host = '127.0.0.1',
	encodings = ['gzip']
}) {
	const rootDir = resolve(root);
	const prefix = base.replace(/\/+$/, '');
	/** @type {Map<string, Buffer>} compressed bodies, by encoding and path */
	const cache = new Map();

	/** @param {string} pathname @returns {Promise<string | null>} */
	async function locate(pathname) {
		const file = normalize(join(rootDir, pathname));
		if (file !== rootDir && !file.startsWith(rootDir + sep)) return null;
		try {
			const s = await stat(file);
			if (s.isFile()) return file;
			if (s.isDirectory()) {
				const index = join(file, 'index.html');
				if ((await stat(index)).isFile()) return index;
			}
		} catch {
			// not found
		}
		return null;
	}

	const server = createServer(async (req, res) => {
		try {
			const url = new URL(req.url ?? '/', 'http://localhost');
			let pathname = decodeURIComponent(url.pathname);
			if (req.method !== 'GET' && req.method !== 'HEAD') {
				res.writeHead(405, { allow: 'GET, HEAD' }).end();
				return;
			}
			if (prefix && pathname === prefix) {
				res.writeHead(301, { location: `${prefix}/${url.search}` }).end();
				return;
			}
			if (prefix && !pathname.startsWith(`${prefix}/`)) {
				res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
				return;
			}
			pathname = pathname.slice(prefix.length);
			const file = await locate(pathname);
			if (!file) {
				res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
				return;
			}
			// A directory asked for without its slash: redirect, as static hosts do, so relative
			// URLs in its index.html resolve.
			if (
				file.endsWith(`${sep}index.html`) &&
				!pathname.endsWith('/') &&
				!/\.html$/.test(pathname)
			) {
				res.writeHead(301, { location: `${prefix}${pathname}/${url.search}` }).end();
				return;
			}
			const type =
				TYPES[/** @type {keyof typeof TYPES} */ (extname(file).toLowerCase())] ??
				'application/octet-stream';
			/** @type {Record<string, string>} */
			const headers = {
				'content-type': type,
				'cache-control': pathname.startsWith('/_app/immutable/')
					? 'public, max-age=31536000, immutable'
					: 'public, max-age=300',
				vary: 'Accept-Encoding'
			};
			/** @type {Buffer} */
			let body = await readFile(file);
			const encoding = COMPRESSIBLE.test(type)
				? pickEncoding(req.headers['accept-encoding'], encodings)
				: null;
			if (encoding) {
				const key = `${encoding}:${file}`;
				let packed = cache.get(key);
				if (!packed) {
					packed =
						encoding === 'br'
							? brotliCompressSync(body, {
									params: {
										[constants.BROTLI_PARAM_QUALITY]: 11,
										[constants.BROTLI_PARAM_SIZE_HINT]: body.length
									}
								})
							: gzipSync(body, { level: 9 });
					cache.set(key, packed);
				}
				body = packed;
				headers['content-encoding'] = encoding;
			}
			headers['content-length'] = String(body.length);
			res.writeHead(200, headers);
			res.end(req.method === 'HEAD' ? undefined : body);
		} catch (e) {
			res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
		}
	});

	await new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(port, host, () => ok(undefined));
	});
	return {
		url: `http://localhost:${port}${prefix}/`,
		close: () =>
			new Promise((ok) => {
				server.closeAllConnections();
				server.close(() => ok(undefined));
			})
	};
}
