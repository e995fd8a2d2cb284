/** The built map island's path, relative to the site's assets (see vite-plugin-island.ts). */
declare module 'virtual:map-island' {
	export const islandSrc: string;
}
