import type { LabelMetrics } from './labelPlacement';

/**
 * The map's words in an edition other than English, as data the frame is given (`MapGeo.text`):
 * the names of what it labels, the districts each step names, and how wide every word its labels
 * can hold is, shaped at build time in the font the labels are set in (src/lib/server/mapText.ts).
 * The English map has none: its names are the map data's and its widths an estimate.
 */
export interface MapText {
	/** Direction the edition's script is written in, inside each label (the canvas stays LTR). */
	dir: 'ltr' | 'rtl';
	/** The labels' CSS font family (palette.ts): the fonts the widths were shaped in. */
	font: string;
	/** Place id, province ISO code, country ISO alpha-3 code or line id → the edition's name. */
	names: Record<string, string>;
	/**
	 * Step id → the districts its map names (steps naming none are left out). Decided from the
	 * English words of the step's map: the map shows the same things in every edition.
	 */
	districts: Record<string, string[]>;
	widths: WordWidths;
	/**
	 * The Durand Line's label: its name and what it is (the English map's "de facto border, never
	 * recognised by Kabul"), from the edition's page words (`map.durandNote`).
	 */
	durandNote: string;
	/** The scale bar's words for each distance it may show (scale.ts NICE_KM), e.g. "۵۰ کیلومتره". */
	scale: Record<string, string>;
}

/**
 * Advance widths of the words an edition's labels can hold, in em, rounded up to 0.01 em. A
 * label's line is as wide as its words and its spaces: no word holds a space, and the script's
 * joining does not cross one, so the sum is the shaped width of the line.
 */
export interface WordWidths {
	/** The words, separated by spaces. */
	words: string;
	/** Each word's advance at weight 400, in the order of `words`. */
	regular: number[];
	/** Each word's advance at weight 700. */
	bold: number[];
	/** The space's advance at 400 and 700. */
	space: [number, number];
	/** Distance between the baselines of a label's lines, em. */
	lineHeight: number;
	/** The font's ascent and descent (em): the height of the box a browser gives its text. */
	ascent: number;
	descent: number;
}

/**
 * The placer's metrics for an edition's words: a line's width is the sum of its words' advances
 * and its spaces'. A word missing from the table (none should be: the build lists every word a
 * label can hold, and a test checks it) is given 0.6 em a character, wider than any shaped word.
 */
export function textMetrics(widths: WordWidths): LabelMetrics {
	const index = new Map(widths.words.split(' ').map((w, i) => [w, i]));
	return {
		width(line, fontSize, weight) {
			const bold = weight === 'bold' ? 1 : 0;
			const advances = bold ? widths.bold : widths.regular;
			const words = line.split(' ');
			let em = (words.length - 1) * widths.space[bold];
			for (const w of words) em += advances[index.get(w) ?? -1] ?? w.length * 0.6;
			return em * fontSize;
		},
		lineHeight: widths.lineHeight,
		// The glyph cells from the first line's ascent to the last line's descent, centred on
		// the lines' boxes as CSS centres them.
		ascent: widths.ascent - (widths.lineHeight - 1) / 2,
		extra: widths.ascent + widths.descent - widths.lineHeight
	};
}
