/**
 * Absolute URLs for share tags, JSON-LD and embed snippets. Pure, so it is unit-tested and shared
 * by the page, the embed cards and the share image.
 */

/** Validates a site origin ("https://host[:port]") and returns it without a trailing slash. */
export function normaliseOrigin(value: string): string {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new Error(
			`PUBLIC_SITE_ORIGIN must be an absolute URL like https://example.org (got "${value}")`
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		throw new Error(`PUBLIC_SITE_ORIGIN must be http(s) (got "${value}")`);
	if (url.pathname !== '/' || url.search || url.hash)
		throw new Error(
			`PUBLIC_SITE_ORIGIN is an origin only (scheme and host); put the path in BASE_PATH (got "${value}")`
		);
	return url.origin;
}

/**
 * `origin` + `base` + `path`. `path` is relative to the story's root ("" for the story page,
 * "share.png", "embed/step-id/"); the story page ends with a slash (trailingSlash: 'always').
 */
export function absoluteUrl(origin: string, base: string, path = ''): string {
	const root = `${origin}${base.replace(/\/+$/, '')}/`;
	return root + path.replace(/^\/+/, '');
}
