/**
 * Build-time (Node only): how wide words are, shaped with HarfBuzz in the fonts a browser sets
 * them in. The map's labels in the Urdu and Pashto editions are measured with it (mapText.ts):
 * a character count says little about Arabic script, whose letters join and change shape.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fontverter from 'fontverter';
import {
	Blob,
	Buffer,
	Direction,
	Face,
	Font,
	shape,
	type GlyphInfo,
	type GlyphPosition
} from 'harfbuzzjs';

/** A font ready to shape with, and the characters it has glyphs for. */
export interface ShapingFont {
	file: string;
	font: Font;
	upem: number;
	has: Set<number>;
	/** hhea ascender and descender, in em (descent positive). */
	ascent: number;
	descent: number;
}

const loaded = new Map<string, Promise<ShapingFont>>();
let queue: Promise<unknown> = Promise.resolve();

/**
 * A font file (woff2, woff, ttf or otf; HarfBuzz reads sfnt, so web fonts are unpacked), loaded
 * once per build. Files are unpacked one after the other, whoever asks: fontverter's woff2
 * decoder is not reentrant, and two conversions at once mix up their output.
 */
export function loadFont(file: string): Promise<ShapingFont> {
	let font = loaded.get(file);
	if (!font) {
		font = queue.then(() => unpack(file));
		queue = font.catch(() => {});
		loaded.set(file, font);
	}
	return font;
}

async function unpack(file: string): Promise<ShapingFont> {
	const sfnt: globalThis.Buffer = await fontverter.convert(readFileSync(resolve(file)), 'truetype');
	const face = new Face(new Blob(new Uint8Array(sfnt)), 0);
	const font = new Font(face);
	const { ascender, descender } = font.hExtents();
	return {
		file,
		font,
		upem: face.upem,
		has: new Set(face.collectUnicodes()),
		ascent: ascender / face.upem,
		descent: -descender / face.upem
	};
}

/**
 * The advance of `text` in em, set in `fonts` as CSS sets a font-family list: each character in
 * the first font that has it, each run of characters in one font shaped on its own, in `lang`.
 * A character none of the fonts has is an error: the browser would fall back to some system font
 * and the measure would be wrong.
 */
export function advance(fonts: ShapingFont[], text: string, lang: string): number {
	const runs: { font: ShapingFont; text: string }[] = [];
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		const font = fonts.find((f) => f.has.has(cp));
		if (!font)
			throw new Error(
				`No map font has U+${cp.toString(16).toUpperCase().padStart(4, '0')} ("${ch}" in "${text}"): ${fonts.map((f) => f.file).join(', ')}`
			);
		const last = runs.at(-1);
		if (last?.font === font) last.text += ch;
		else runs.push({ font, text: ch });
	}
	let em = 0;
	for (const run of runs)
		for (const { position } of shapeRun(run.font, run.text, lang))
			em += position.xAdvance / run.font.upem;
	return em;
}

/**
 * A run of text in one font shaped by HarfBuzz, in `lang`: its glyphs in visual order, with the
 * character each begins at (`cluster`, a UTF-16 index into `text`) and its advance and offset in
 * font units. Its direction is the script's unless `rtl` says.
 */
export function shapeRun(
	font: ShapingFont,
	text: string,
	lang?: string,
	rtl?: boolean
): { info: GlyphInfo; position: GlyphPosition }[] {
	const buffer = new Buffer();
	buffer.addText(text);
	if (rtl !== undefined) buffer.setDirection(rtl ? Direction.RTL : Direction.LTR);
	if (lang) buffer.setLanguage(lang);
	buffer.guessSegmentProperties();
	shape(font.font, buffer);
	const positions = buffer.getGlyphPositions();
	return buffer.getGlyphInfos().map((info, k) => ({ info, position: positions[k]! }));
}
