import { describe, expect, it } from 'vitest';
import { LANGS, LANGUAGES } from '../../../src/lib/edition/languages';
import { editionOf } from '../../../src/lib/server/editions';
import { renderShareSvg, SHARE_WIDTH } from '../../../src/lib/server/share';
import { outlineFonts, outlineSvgText } from '../../../src/lib/server/textOutline';

/** The x extent of the card's headline, once outlined. */
function headlineExtent(svg: string): [number, number] {
	const d = /<path fill="#1d1d1b" d="([^"]+)"/.exec(svg)![1]!;
	const xs = [...d.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => Number(m[1]));
	return [Math.min(...xs), Math.max(...xs)];
}

describe('the share card of each edition', () => {
	it.each(LANGS)('%s: the headline is set on the panel on its reading side', async (lang) => {
		const { story } = editionOf(lang === 'en' ? undefined : lang);
		const language = LANGUAGES[lang];
		const fonts = await outlineFonts(lang);
		const svg = outlineSvgText(await renderShareSvg(story, language, fonts), fonts, lang);
		expect(svg).not.toMatch(/<text/);
		const [left, right] = headlineExtent(svg);
		// The panel is 470 px wide with 44 px margins: at the left in English, at the right in
		// Urdu and Pashto, with the text flush to the reading side.
		const [from, to] = language.dir === 'rtl' ? [SHARE_WIDTH - 470, SHARE_WIDTH] : [0, 470];
		expect(left).toBeGreaterThanOrEqual(from + 44 - 4);
		expect(right).toBeLessThanOrEqual(to - 44 + 4);
		if (language.dir === 'rtl') expect(right).toBeGreaterThan(to - 44 - 4);
		else expect(left).toBeLessThan(from + 44 + 4);
	});
});
