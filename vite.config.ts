import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { storyPlugin } from './src/lib/story/vite-plugin-aml';

export default defineConfig({
	plugins: [storyPlugin(), sveltekit()],
	preview: { port: 4173, strictPort: true },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});
