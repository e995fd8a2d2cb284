/**
 * Vite plugin: bundles the map island (src/lib/island/boot.ts, which imports main.ts once the
 * page has loaded) on its own, with a second Vite build, and tells the page where it is
 * through `import { islandSrc } from 'virtual:map-island'`.
 *
 * SvelteKit has no islands (kit #1390), and the story page ships no SvelteKit client at all
 * (csr = false), so the island is an ordinary ES module: built once per build, minified, content-
 * hashed under _app/immutable/island/, emitted into the client output the adapter copies, with
 * its label worker beside it. In development the page loads the entry from Vite's dev server
 * instead.
 */
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build, type Plugin, type ResolvedConfig, type Rollup } from 'vite';

const ENTRY = 'src/lib/island/boot.ts';
const VIRTUAL = 'virtual:map-island';
const RESOLVED = '\0' + VIRTUAL;
const DIR = '_app/immutable/island';

interface IslandBundle {
	entry: string;
	files: { fileName: string; source: string | Uint8Array }[];
}

async function buildIsland(root: string): Promise<IslandBundle> {
	const result = await build({
		configFile: false,
		root,
		logLevel: 'warn',
		mode: 'production',
		// The same svelte.config.js (preprocessing, compiler options, CSS hashes) as the page, so
		// the components the island mounts carry the class names the page's stylesheet styles.
		plugins: [svelte()],
		resolve: { alias: { $lib: resolve(root, 'src/lib') } },
		// The label worker (labelsOffThread.ts) is found relative to the island's own URL, so the
		// site can be deployed under any path.
		base: './',
		worker: {
			format: 'es',
			rollupOptions: { output: { entryFileNames: `${DIR}/labels-[hash].js` } }
		},
		build: {
			write: false,
			minify: true,
			target: 'es2022',
			modulePreload: false,
			cssCodeSplit: false,
			rollupOptions: {
				input: resolve(root, ENTRY),
				output: {
					format: 'es',
					entryFileNames: `${DIR}/map-[hash].js`,
					chunkFileNames: `${DIR}/[name]-[hash].js`
				}
			}
		}
	});
	const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
	const files = outputs.flatMap((o) => o.output);
	const entry = files.find((c): c is Rollup.OutputChunk => c.type === 'chunk' && c.isEntry);
	if (!entry) throw new Error(`The map island (${ENTRY}) built no entry chunk`);
	// The island's entry and the chunk it imports, and its label worker (an asset of the
	// island's build).
	return {
		entry: entry.fileName,
		files: files.map((f) => ({
			fileName: f.fileName,
			source: f.type === 'chunk' ? f.code : f.source
		}))
	};
}

export function mapIslandPlugin(): Plugin {
	let config: ResolvedConfig;
	let bundle: Promise<IslandBundle> | undefined;
	const island = () => (bundle ??= buildIsland(config.root));
	return {
		name: 'map-island',
		configResolved(c) {
			config = c;
		},
		resolveId(id) {
			return id === VIRTUAL ? RESOLVED : null;
		},
		async load(id) {
			if (id !== RESOLVED) return null;
			// Relative to the site's assets path; the page prefixes it.
			const src = config.command === 'serve' ? ENTRY : (await island()).entry;
			return `export const islandSrc = ${JSON.stringify(src)};`;
		},
		async generateBundle() {
			if (config.command !== 'build' || config.build.ssr) return;
			for (const f of (await island()).files)
				this.emitFile({ type: 'asset', fileName: f.fileName, source: f.source });
		}
	};
}
