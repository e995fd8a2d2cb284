/**
 * The 1200×630 share image (Open Graph / Twitter card): the story's opening map, drawn by the same
 * renderer as every other map (renderStepSvg), with the headline set beside it, rasterised at build
 * time by resvg. Build-time only (Node).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { FONT_SANS } from '$lib/map/palette';
import type { Story } from '$lib/story/types';
import { mapSteps } from '$lib/map/mapState';
import { wrapText } from '$lib/wrapText';
import { renderStepSvg } from './staticMap';

export const SHARE_WIDTH = 1200;
export const SHARE_HEIGHT = 630;
const PANEL = 470;

/**
 * The font file is variable; resvg uses its default (regular) instance, so the headline is
 * emboldened with a thin stroke of its own colour.
 *
 * resvg reads TTF/OTF, not the site's woff2. Source Sans 3 (OFL-1.1) ships as a TTF inside the
 * mapshaper package the map build already installs, so text renders the same on a bare CI machine;
 * system fonts are a fallback only.
 */
export const SHARE_FONT = resolve(
	'node_modules/mapshaper/www/assets/SourceSans3-VariableFont_wght.ttf'
);

const escapeXml = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Greedy line wrap by an average glyph width (Source Sans 3 averages ~0.5 em). */
function wrapToWidth(text: string, maxWidth: number, fontSize: number, em = 0.5): string[] {
	return wrapText(text, Math.max(8, Math.floor(maxWidth / (fontSize * em))));
}

/** Largest headline size (px) whose wrapped lines fit the panel. */
function fitHeadline(
	headline: string,
	width: number,
	height: number
): { size: number; lines: string[] } {
	for (let size = 56; size > 28; size -= 2) {
		const lines = wrapToWidth(headline, width, size);
		if (lines.length * size * 1.12 <= height) return { size, lines };
	}
	return { size: 28, lines: wrapToWidth(headline, width, 28) };
}

/** The share card as SVG: the map full-bleed, the headline on a paper panel at the left. */
export function renderShareSvg(story: Story, stepIndex = 0, siteName = ''): string {
	const step = mapSteps(story)[stepIndex];
	if (!step) throw new Error(`The story has no step ${stepIndex}`);
	const map = renderStepSvg(
		step,
		{ width: SHARE_WIDTH, height: SHARE_HEIGHT },
		{ top: 36, right: 36, bottom: 36, left: PANEL + 36 }
	);
	const pad = 44;
	const textWidth = PANEL - 2 * pad;
	const { size, lines } = fitHeadline(story.headline, textWidth, 330);
	const top = 118;
	const headline = lines
		.map((l, i) => `<tspan x="${pad}" y="${top + i * size * 1.12}">${escapeXml(l)}</tspan>`)
		.join('');
	const foot = [siteName, ...wrapToWidth(story.dateline, textWidth, 19)]
		.filter(Boolean)
		.reverse()
		.map((l, i) => `<tspan x="${pad}" y="${SHARE_HEIGHT - pad - i * 25}">${escapeXml(l)}</tspan>`)
		.join('');
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_WIDTH}" height="${SHARE_HEIGHT}" viewBox="0 0 ${SHARE_WIDTH} ${SHARE_HEIGHT}">
${map}
<rect width="${PANEL}" height="${SHARE_HEIGHT}" fill="#fdfcf8" fill-opacity="0.96"/>
<rect x="${PANEL}" width="2" height="${SHARE_HEIGHT}" fill="#d9d4c7"/>
<rect x="${pad}" y="56" width="64" height="6" fill="#a4161a"/>
<text font-family="${escapeXml(FONT_SANS)}" font-weight="700" font-size="${size}" fill="#1d1d1b" stroke="#1d1d1b" stroke-width="${(size / 36).toFixed(2)}" stroke-linejoin="round">${headline}</text>
<text font-family="${escapeXml(FONT_SANS)}" font-size="19" fill="#55524b">${foot}</text>
</svg>`;
}

export function renderSharePng(story: Story, stepIndex = 0, siteName = ''): ArrayBuffer {
	const font = existsSync(SHARE_FONT) ? [SHARE_FONT] : [];
	const resvg = new Resvg(renderShareSvg(story, stepIndex, siteName), {
		fitTo: { mode: 'width', value: SHARE_WIDTH },
		font: {
			fontFiles: font,
			loadSystemFonts: true,
			defaultFontFamily: font.length ? 'Source Sans 3' : 'DejaVu Sans',
			sansSerifFamily: font.length ? 'Source Sans 3' : 'DejaVu Sans'
		}
	});
	const png = resvg.render().asPng();
	return png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer;
}
