import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * BASE_PATH lets an editor deploy the story under any path, e.g.
 * BASE_PATH=/graphics/2024/pakistan-taliban npm run build
 */
const base = /** @type {'' | `/${string}`} */ ((process.env.BASE_PATH ?? '').replace(/\/+$/, ''));
if (base && !base.startsWith('/')) {
	throw new Error(`BASE_PATH must start with "/" (got "${base}")`);
}

/**
 * Origin of PUBLIC_ANALYTICS_URL, if set, for the CSP's connect-src (see src/lib/article/site.ts).
 * @returns {`https://${string}.${string}`[]}
 */
function analyticsOrigin() {
	const url = process.env.PUBLIC_ANALYTICS_URL;
	if (!url) return [];
	try {
		return [/** @type {`https://${string}.${string}`} */ (new URL(url).origin)];
	} catch {
		throw new Error(`PUBLIC_ANALYTICS_URL must be an absolute URL (got "${url}")`);
	}
}

/**
 * adapter-static, minus the `__data.json` files SvelteKit writes beside pages with a server load.
 * They feed client-side navigation, and no page here has a client router (csr = false): shipped,
 * they would only publish the story document a second time.
 * @param {import('@sveltejs/adapter-static').AdapterOptions & { pages: string }} options
 * @returns {import('@sveltejs/kit').Adapter}
 */
function staticPages(options) {
	const inner = adapter(options);
	return {
		...inner,
		name: 'adapter-static (no __data.json)',
		async adapt(builder) {
			await inner.adapt(builder);
			for (const entry of readdirSync(options.pages, { recursive: true, encoding: 'utf8' })) {
				if (entry.endsWith('__data.json')) rmSync(join(options.pages, entry));
			}
		}
	};
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: staticPages({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		paths: { base, relative: false },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		/**
		 * Strict CSP, delivered as a <meta> tag in every prerendered page. 'hash' mode: SvelteKit
		 * hashes its own inline bootstrap script; everything else comes from the site's own origin.
		 * style-src-attr allows style *attributes* only (Svelte's style: directives and the map's
		 * sizing write them); style elements and stylesheets stay 'self'. The optional analytics
		 * endpoint (PUBLIC_ANALYTICS_URL) is the only other origin ever allowed, and only when set.
		 * frame-ancestors cannot be set from a <meta> tag: send it as a header if the host needs it
		 * (embed cards must stay frameable by the CMS).
		 */
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self', ...analyticsOrigin()],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['none'],
				'frame-src': ['none'],
				'worker-src': ['self'],
				'manifest-src': ['self']
			}
		}
	}
};

export default config;
