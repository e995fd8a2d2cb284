/**
 * Text set as outlines, for the share image. Build-time only (Node).
 *
 * resvg, which rasterises the share image, shapes Arabic letters but neither reorders a line by
 * the Unicode Bidirectional Algorithm (an Urdu line came out with its words left to right) nor
 * falls back from the Arabic face to a Latin one for digits and punctuation. So every line of the
 * image is laid out here instead: bidi-js resolves each character's direction, the line is cut
 * into runs of one direction and one font, the runs are put in visual order (UAX #9, rule L2),
 * HarfBuzz shapes each run with the face the page itself uses (each character in the first face
 * of the list that has it, as CSS falls back), and the glyphs are written as one SVG path per
 * line, which any rasteriser draws the same.
 */
import bidiFactory from 'bidi-js';
import type { Lang } from '$lib/edition/languages';
import { MAP_FONTS, mapFontOf } from './mapText';
import { loadFont, shapeRun, type ShapingFont } from './shapeWords';

export type Weight = 400 | 700;

/** An edition's faces by weight, in the order of its CSS font-family list. */
export type OutlineFonts = Record<Weight, ShapingFont[]>;

/**
 * The faces an edition's map and card are set in, as the page sets them: Source Sans 3 in
 * English; Noto Naskh Arabic, then Source Sans 3 for what it lacks, in Urdu and Pashto.
 */
export async function outlineFonts(lang: Lang): Promise<OutlineFonts> {
	const files = MAP_FONTS[mapFontOf(lang)];
	return {
		400: await Promise.all(files.regular.map(loadFont)),
		700: await Promise.all(files.bold.map(loadFont))
	};
}

export interface LineStyle {
	size: number;
	weight: Weight;
	/** The paragraph's direction, the line's base level; by default its first strong letter's
	 *  (UAX #9 P2–P3), as CSS `unicode-bidi: plaintext` has it. */
	dir?: 'ltr' | 'rtl';
	/** BCP 47 language, for the face's local forms (Urdu and Pashto digits differ). */
	lang?: string;
	italic?: boolean;
	/** Extra space after each Latin character, in em (letter-spacing; none in a joined script). */
	tracking?: number;
}

interface Run {
	text: string;
	/** Index of its first character in the line (UTF-16, as HarfBuzz counts clusters). */
	start: number;
	level: number;
	font: ShapingFont;
}

const bidi = bidiFactory();

/** Cuts a line into runs of one embedding level and one face, in logical order. */
function runs(text: string, style: LineStyle, fonts: OutlineFonts): Run[] {
	const { levels } = bidi.getEmbeddingLevels(text, style.dir);
	const faces = fonts[style.weight];
	const out: Run[] = [];
	let i = 0;
	for (const ch of text) {
		const level = levels[i]!;
		const cp = ch.codePointAt(0)!;
		const font = faces.find((f) => f.has.has(cp)) ?? faces[faces.length - 1]!;
		const last = out[out.length - 1];
		if (last && last.level === level && last.font === font) last.text += ch;
		else out.push({ text: ch, start: i, level, font });
		i += ch.length;
	}
	return out;
}

/** UAX #9 rule L2 on whole runs: reverse every sequence at or above each odd level. */
export function visualOrder<T extends { level: number }>(items: T[]): T[] {
	const order = [...items];
	const levels = order.map((r) => r.level);
	const highest = Math.max(0, ...levels);
	const lowestOdd = Math.min(...levels.filter((l) => l % 2 === 1), highest + 1);
	for (let level = highest; level >= lowestOdd; level--) {
		for (let i = 0; i < order.length; i++) {
			if (order[i]!.level < level) continue;
			let j = i;
			while (j + 1 < order.length && order[j + 1]!.level >= level) j++;
			order.splice(i, j - i + 1, ...order.slice(i, j + 1).reverse());
			i = j;
		}
	}
	return order;
}

interface Glyph {
	font: ShapingFont;
	id: number;
	/** The character it begins at, as an index into the line's text. */
	index: number;
	/** Pen position and offset, in px from the line's start. */
	x: number;
	dx: number;
	dy: number;
}

/** A shaped line: its width in px and its glyphs in visual order. */
export interface ShapedLine {
	width: number;
	glyphs: Glyph[];
	style: LineStyle;
}

export function shapeLine(text: string, style: LineStyle, fonts: OutlineFonts): ShapedLine {
	const glyphs: Glyph[] = [];
	let pen = 0;
	for (const run of visualOrder(runs(text, style, fonts))) {
		const scale = style.size / run.font.upem;
		const rtl = run.level % 2 === 1;
		const track = rtl ? 0 : (style.tracking ?? 0) * style.size;
		for (const { info, position: p } of shapeRun(run.font, run.text, style.lang, rtl)) {
			glyphs.push({
				font: run.font,
				id: info.codepoint,
				index: run.start + info.cluster,
				x: pen,
				dx: p.xOffset * scale,
				dy: p.yOffset * scale
			});
			pen += p.xAdvance * scale + track;
		}
	}
	return { width: pen, glyphs, style };
}

/** The width of a line as it is drawn, in px. */
export const lineWidth = (text: string, style: LineStyle, fonts: OutlineFonts): number =>
	shapeLine(text, style, fonts).width;

const SLANT = Math.tan((12 * Math.PI) / 180);
const num = (v: number) => String(Math.round(v * 100) / 100);

/**
 * A shaped line as SVG path data, its start (left end) at `x` and its baseline at `y`. The
 * glyphs' own coordinates are written out in place, so a stroke (the labels' halo) keeps its
 * width.
 */
export function linePath(line: ShapedLine, x: number, y: number): string {
	const parts: string[] = [];
	for (const g of line.glyphs) {
		const scale = line.style.size / g.font.upem;
		const ox = x + g.x + g.dx;
		const oy = y - g.dy;
		const slant = line.style.italic ? SLANT : 0;
		for (const cmd of g.font.font.glyphToJson(g.id)) {
			const v = cmd.values;
			const xy: string[] = [];
			for (let k = 0; k + 1 < v.length; k += 2)
				xy.push(num(ox + (v[k]! + v[k + 1]! * slant) * scale), num(oy - v[k + 1]! * scale));
			parts.push(cmd.type + xy.join(' '));
		}
	}
	return parts.join('');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
	s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
		e[0] === '#'
			? String.fromCodePoint(parseInt(e.slice(e[1] === 'x' ? 2 : 1), e[1] === 'x' ? 16 : 10))
			: (ENTITIES[e] ?? m)
	);
const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

/** letter-spacing ("0.12em" or px) in em. */
function tracking(value: string | undefined, size: number): number {
	const v = parseFloat(value ?? '');
	if (!Number.isFinite(v)) return 0;
	return value!.trim().endsWith('em') ? v : v / size;
}

/** Attributes of a <text> that stay on the path that replaces it: paint, not type. */
const PAINT =
	/\s(fill|fill-opacity|stroke|stroke-width|stroke-opacity|stroke-linejoin|paint-order|opacity|class|data-[a-z-]+)="[^"]*"/g;

/**
 * Every <text> of an SVG drawn as outlines: `<text x y text-anchor font-size font-weight
 * font-style letter-spacing …>` holding its text or `<tspan x dy>` lines, as the map and the
 * share card write them. The canvas is laid out left to right in every edition (the map is not
 * mirrored). A `direction="rtl"` on the text or a group around it is SVG's: the line's base
 * direction, and `start` is its right end. Elsewhere each line is a paragraph whose direction is
 * its first strong letter's, so a Latin name reads left to right and an Urdu one right to left,
 * each with its punctuation in place.
 */
export function outlineSvgText(svg: string, fonts: OutlineFonts, lang?: string): string {
	/** `direction` of the groups open at each point, innermost last. */
	const open: (string | undefined)[] = [];
	return svg.replace(
		/<g\b([^>]*)>|<\/g>|<text\b([^>]*)>([\s\S]*?)<\/text>/g,
		(tag, g: string | undefined, attrs: string | undefined, body: string | undefined) => {
			if (g !== undefined) {
				open.push(attr(g, 'direction') ?? open.at(-1));
				return tag;
			}
			if (attrs === undefined) {
				open.pop();
				return tag;
			}
			const direction = attr(attrs, 'direction') ?? open.at(-1);
			return outlineText(attrs, body!, fonts, lang, direction === 'rtl' ? 'rtl' : undefined);
		}
	);
}

function outlineText(
	attrs: string,
	body: string,
	fonts: OutlineFonts,
	lang: string | undefined,
	dir: 'rtl' | undefined
): string {
	const size = Number(attr(attrs, 'font-size') ?? 16);
	const style: LineStyle = {
		size,
		weight: Number(attr(attrs, 'font-weight') ?? 400) >= 600 ? 700 : 400,
		dir,
		lang,
		italic: attr(attrs, 'font-style') === 'italic',
		tracking: tracking(attr(attrs, 'letter-spacing'), size)
	};
	const anchor = attr(attrs, 'text-anchor') ?? 'start';
	let x = Number(attr(attrs, 'x') ?? 0);
	let y = Number(attr(attrs, 'y') ?? 0);
	const tspans = [...body.matchAll(/<tspan\b([^>]*)>([^<]*)<\/tspan>/g)];
	const lines = tspans.length
		? tspans.map(([, a, t]) => {
				x = Number(attr(a!, 'x') ?? x);
				y = Number(attr(a!, 'y') ?? y) + Number(attr(a!, 'dy') ?? 0);
				return { x, y, text: decode(t!) };
			})
		: [{ x, y, text: decode(body) }];
	// Where the line's left end stands, as a share of its width back from x.
	const back = { start: 0, middle: 0.5, end: 1 }[anchor] ?? 0;
	const share = dir === 'rtl' ? 1 - back : back;
	const d = lines
		.filter((l) => l.text.trim())
		.map((l) => {
			const shaped = shapeLine(l.text.trim(), style, fonts);
			return linePath(shaped, l.x - shaped.width * share, l.y);
		})
		.join('');
	const paint = [...attrs.matchAll(PAINT)].map((m) => m[0]).join('');
	return `<path${paint} d="${d}"/>`;
}
