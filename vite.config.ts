import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { mapIslandPlugin } from './src/lib/island/vite-plugin-island';
import { storyPlugin } from './src/lib/story/vite-plugin-aml';

export default defineConfig({
	plugins: [storyPlugin(), sveltekit(), mapIslandPlugin()],
	preview: { port: 4173, strictPort: true },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});
