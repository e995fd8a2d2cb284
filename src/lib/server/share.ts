/**
 * The 1200×630 share image (Open Graph / Twitter card) of an edition: the story's opening map,
 * drawn by the same renderer as every other map (renderStepSvg), with the headline set beside it
 * on a paper panel (at the left in English, at the right in the right-to-left editions),
 * rasterised at build time by resvg. Every line of text is shaped and laid out by textOutline.ts
 * and drawn as outlines, so the Urdu and Pashto headlines are joined and in reading order.
 * Build-time only (Node).
 */
import { Resvg } from '@resvg/resvg-js';
import type { Language } from '$lib/edition/languages';
import { mapSteps } from '$lib/map/mapState';
import type { Story } from '$lib/story/types';
import { wrapText } from '$lib/wrapText';
import { mapText } from './mapText';
import { renderStepSvg } from './staticMap';
import { lineWidth, outlineFonts, outlineSvgText, type OutlineFonts } from './textOutline';

export const SHARE_WIDTH = 1200;
export const SHARE_HEIGHT = 630;
const PANEL = 470;
const PAD = 44;

const escapeXml = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Largest headline size (px) whose lines, wrapped at their shaped width, fit the panel. */
function fitHeadline(
	headline: string,
	width: number,
	height: number,
	measure: (line: string, size: number) => number
): { size: number; lines: string[]; leading: number } {
	let fit = { size: 28, lines: [headline], leading: 1.12 };
	for (let size = 56; size >= 28; size -= 2) {
		// Arabic script's marks climb above and fall below the Latin cap height: more leading.
		const leading = /[\u0600-\u06ff]/.test(headline) ? 1.4 : 1.12;
		const lines = wrapText(headline, width, (l) => measure(l, size));
		fit = { size, lines, leading };
		if (lines.length * size * leading <= height) break;
	}
	return fit;
}

/** The share card as SVG, with its text still as <text>. */
export async function renderShareSvg(
	story: Story,
	language: Pick<Language, 'dir' | 'lang'>,
	fonts: OutlineFonts,
	{ stepIndex = 0, siteName = '' } = {}
): Promise<string> {
	const step = mapSteps(story)[stepIndex];
	if (!step) throw new Error(`The story has no step ${stepIndex}`);
	const rtl = language.dir === 'rtl';
	const panelX = rtl ? SHARE_WIDTH - PANEL : 0;
	const map = renderStepSvg(
		step,
		{ width: SHARE_WIDTH, height: SHARE_HEIGHT },
		rtl
			? { top: 36, right: PANEL + 36, bottom: 36, left: 36 }
			: { top: 36, right: 36, bottom: 36, left: PANEL + 36 },
		await mapText(language.lang)
	);
	const textWidth = PANEL - 2 * PAD;
	// Text starts at the panel's inner edge on the reading side.
	const x = rtl ? SHARE_WIDTH - PAD : PAD;
	const anchor = rtl ? 'end' : 'start';
	const measure = (size: number, weight: 400 | 700) => (line: string) =>
		lineWidth(line, { size, weight, lang: language.lang }, fonts);
	const { size, lines, leading } = fitHeadline(story.headline, textWidth, 330, (l, s) =>
		measure(s, 700)(l)
	);
	const top = 118;
	const headline = lines
		.map((l, i) => `<tspan x="${x}" y="${top + i * size * leading}">${escapeXml(l)}</tspan>`)
		.join('');
	const footLeading = rtl ? 30 : 25;
	const foot = [siteName, ...wrapText(story.dateline, textWidth, measure(19, 400))]
		.filter(Boolean)
		.reverse()
		.map(
			(l, i) =>
				`<tspan x="${x}" y="${SHARE_HEIGHT - PAD - i * footLeading}">${escapeXml(l)}</tspan>`
		)
		.join('');
	const rule = rtl ? SHARE_WIDTH - PAD - 64 : PAD;
	const edge = rtl ? panelX - 2 : PANEL;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_WIDTH}" height="${SHARE_HEIGHT}" viewBox="0 0 ${SHARE_WIDTH} ${SHARE_HEIGHT}">
${map}
<rect x="${panelX}" width="${PANEL}" height="${SHARE_HEIGHT}" fill="#fdfcf8" fill-opacity="0.96"/>
<rect x="${edge}" width="2" height="${SHARE_HEIGHT}" fill="#d9d4c7"/>
<rect x="${rule}" y="56" width="64" height="6" fill="#a4161a"/>
<text text-anchor="${anchor}" font-weight="700" font-size="${size}" fill="#1d1d1b">${headline}</text>
<text text-anchor="${anchor}" font-size="19" fill="#55524b">${foot}</text>
</svg>`;
}

export async function renderSharePng(
	story: Story,
	language: Pick<Language, 'dir' | 'lang'>,
	options: { stepIndex?: number; siteName?: string } = {}
): Promise<ArrayBuffer> {
	const fonts = await outlineFonts(language.lang);
	const svg = outlineSvgText(
		await renderShareSvg(story, language, fonts, options),
		fonts,
		language.lang
	);
	// All text is outlines by now: resvg needs no fonts.
	const resvg = new Resvg(svg, {
		fitTo: { mode: 'width', value: SHARE_WIDTH },
		font: { loadSystemFonts: false }
	});
	const png = resvg.render().asPng();
	return png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer;
}
