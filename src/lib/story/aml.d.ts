// `*.aml` imports are turned into the validated Story by `storyPlugin()` (vite-plugin-aml.ts).
declare module '*.aml' {
	const story: import('./types').Story;
	export default story;
	/** Only for an edition's `story.<lang>.aml`. */
	export const edition: { lang: string; translatedFrom: string; stale: boolean };
}

declare module 'archieml' {
	const archieml: {
		load(input: string, options?: { comments?: boolean }): Record<string, unknown>;
	};
	export default archieml;
}
