import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fontverter from 'fontverter';
import { Blob, Face } from 'harfbuzzjs';
import { characters, FACES, OUT_DIR } from '../../../scripts/build-fonts.js';

/** The code points a woff2 file has glyphs for. */
async function coverage(woff2: Buffer): Promise<Set<number>> {
	const sfnt: Buffer = await fontverter.convert(woff2, 'truetype');
	const face = new Face(new Blob(new Uint8Array(sfnt)), 0);
	return new Set(face.collectUnicodes());
}

describe('the subset web fonts (npm run fonts)', () => {
	const text: string = characters();

	it.each(FACES)(
		'%s keeps every character the site shows that the full font has',
		async (from, to) => {
			const full = await coverage(readFileSync(new URL(import.meta.resolve(from))));
			const subset = await coverage(readFileSync(join(OUT_DIR, to)));
			const missing = [...text].filter(
				(c) => full.has(c.codePointAt(0)!) && !subset.has(c.codePointAt(0)!)
			);
			expect(missing, `rerun npm run fonts: ${to} lacks these`).toEqual([]);
			// And it is a subset: a fraction of the full latin file.
			expect(subset.size).toBeLessThan(full.size * 0.75);
		}
	);
});
