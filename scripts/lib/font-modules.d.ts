/** Types for the two font tools, which ship none. */
declare module 'subset-font' {
	export default function subsetFont(
		font: Uint8Array,
		text: string,
		options?: { targetFormat?: 'woff2' | 'woff' | 'truetype' | 'sfnt' }
	): Promise<Buffer>;
}
declare module 'fontverter' {
	const fontverter: {
		convert(font: Uint8Array, to: 'woff2' | 'woff' | 'truetype' | 'sfnt'): Promise<Buffer>;
	};
	export default fontverter;
}
