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

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		paths: { base, relative: false },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};

export default config;
