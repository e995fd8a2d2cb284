import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fontverter from 'fontverter';
import { Blob, Buffer as HbBuffer, Face, Font, shape } from 'harfbuzzjs';
import { editionFiles, FACES, OUT_DIR } from '../../../scripts/build-fonts.js';

async function face(woff2: Buffer): Promise<Face> {
	const sfnt: Buffer = await fontverter.convert(woff2, 'truetype');
	return new Face(new Blob(new Uint8Array(sfnt)), 0);
}

/** The code points a font has glyphs for. */
const coverage = (f: Face): Set<number> => new Set(f.collectUnicodes());

/** Glyph count and total advance of a line of text as HarfBuzz shapes it. */
function shaped(f: Face, text: string): [number, number] {
	const buffer = new HbBuffer();
	buffer.addText(text);
	buffer.guessSegmentProperties();
	shape(new Font(f), buffer);
	const positions = buffer.getGlyphPositions();
	return [positions.length, positions.reduce((sum, p) => sum + p.xAdvance, 0)];
}

const full = (from: string) => readFileSync(new URL(import.meta.resolve(from)));
const subset = (to: string) => readFileSync(join(OUT_DIR, to));

describe('the subset web fonts (npm run fonts)', () => {
	it.each(FACES)(
		'$to keeps every character its pages show that the full font has',
		async ({ from, to, text: chars }) => {
			const text: string = chars();
			const whole = coverage(await face(full(from)));
			const kept = coverage(await face(subset(to)));
			const missing = [...text].filter(
				(c) => whole.has(c.codePointAt(0)!) && !kept.has(c.codePointAt(0)!)
			);
			expect(missing, `rerun npm run fonts: ${to} lacks these`).toEqual([]);
			// And it is a subset: a fraction of the full file.
			expect(kept.size).toBeLessThan(whole.size * 0.75);
		}
	);

	// Arabic script is joined: a letter takes one of up to four forms, and Nastaliq stacks and
	// kerns them by context. A subset that kept the letters but lost a contextual form would
	// pass the coverage test and still print the text wrongly.
	const arabic = FACES.filter((f) => f.from.includes('-arabic-'));
	it.each(arabic)('$to shapes the editions’ text exactly as the full font does', async (f) => {
		const whole = await face(full(f.from));
		const kept = await face(subset(f.to));
		const langs = f.to.includes('nastaliq') ? ['ur'] : ['ur', 'ps'];
		const lines = langs
			.flatMap((lang) => editionFiles(lang))
			.flatMap((file) => readFileSync(file, 'utf8').split('\n'))
			.map((l) => l.replace(/[^\u0600-\u06ff\u200c ]+/g, ' ').trim())
			.filter((l) => l.length > 2);
		expect(lines.length).toBeGreaterThan(200);
		const differ = lines.filter((l) => String(shaped(whole, l)) !== String(shaped(kept, l)));
		expect(differ, `rerun npm run fonts: ${f.to} shapes these differently`).toEqual([]);
	});
});
