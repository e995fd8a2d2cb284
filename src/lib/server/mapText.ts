/**
 * Build-time (Node only): the map's words in an edition other than English (MapText, see
 * src/lib/map/labelText.ts). The names come from data-src/place_names.csv (checked by
 * src/lib/edition/placeNames.ts); the widths of every word the edition's labels can hold — those
 * names and the step labels and notes of its translation — are shaped with HarfBuzz in the font
 * the labels are set in. The page ships only what its map can label, in the island's data block.
 */
import { feature } from 'topojson-client';
import { LANGUAGES, TRANSLATED, type Lang } from '$lib/edition/languages';
import { loadPlaceNames, type PlaceName } from '$lib/edition/placeNames';
import { COUNTRY_LABELS, NAMED_LINES } from '$lib/map/countryLabels';
import type { MapText, WordWidths } from '$lib/map/labelText';
import { flattenSteps, mapSteps, type MapStep } from '$lib/map/mapState';
import { FONT_NASKH, FONT_SANS } from '$lib/map/palette';
import { NICE_KM } from '$lib/map/scale';
import { namedDistricts } from '$lib/map/stepLabels';
import { translatableLabels } from '$lib/story/translation';
import type { Story } from '$lib/story/types';
import { editionOf } from './editions';
import { advance, loadFont, type ShapingFont } from './shapeWords';
import { mapData } from './staticMap';

const FONTSOURCE = 'node_modules/@fontsource';

/**
 * The map's fonts: the CSS family labels are set in (palette.ts), the files it is shaped from per
 * weight in the family's fallback order (Naskh, then Source Sans 3 for what it lacks), and its
 * line spacing. Noto Naskh Arabic's letters reach well above and below the line, so its lines
 * stand further apart than the English map's 1.2 em.
 */
export const MAP_FONTS = {
	naskh: {
		family: FONT_NASKH,
		regular: [
			`${FONTSOURCE}/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2`,
			`${FONTSOURCE}/source-sans-3/files/source-sans-3-latin-400-normal.woff2`
		],
		bold: [
			`${FONTSOURCE}/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2`,
			`${FONTSOURCE}/source-sans-3/files/source-sans-3-latin-700-normal.woff2`
		],
		lineHeight: 1.5
	},
	sans: {
		family: FONT_SANS,
		regular: [`${FONTSOURCE}/source-sans-3/files/source-sans-3-latin-400-normal.woff2`],
		bold: [`${FONTSOURCE}/source-sans-3/files/source-sans-3-latin-700-normal.woff2`],
		lineHeight: 1.2
	}
} satisfies Record<
	string,
	{ family: string; regular: string[]; bold: string[]; lineHeight: number }
>;
export type MapFont = keyof typeof MAP_FONTS;

/** The map font an edition's labels are set in: Naskh for right-to-left (Arabic) scripts. */
export function mapFontOf(lang: Lang): MapFont {
	return LANGUAGES[lang].dir === 'rtl' ? 'naskh' : 'sans';
}

let names: Map<string, PlaceName> | undefined;
/** The checked table of names (a problem in it fails the build, naming file, line and field). */
export function placeNames(): Map<string, PlaceName> {
	names ??= loadPlaceNames(TRANSLATED.map((lang) => ({ lang, dir: LANGUAGES[lang].dir })));
	return names;
}

/** The words of some texts, as a label's line is split into them: at spaces (and, wrapped, at any white space). */
export function wordsOf(texts: string[]): string[] {
	const words = new Set<string>();
	for (const t of texts) for (const w of [...t.split(' '), ...t.split(/\s+/)]) if (w) words.add(w);
	return [...words].sort();
}

/** Ids of what the map can label at some step: every place, the provinces it may name, the countries and the border. */
export function labelledIds(steps: MapStep[]): string[] {
	const { topology, places } = mapData();
	const provinces = feature(topology, topology.objects.provinces).features.map((f) => f.properties);
	const all = steps.some((s) => s.layers.includes('province-labels'));
	const lit = new Set(steps.flatMap((s) => s.highlight));
	return [
		...places.map((p) => p.id),
		...provinces.filter((p) => all || lit.has(p.name)).map((p) => p.iso),
		...Object.keys(COUNTRY_LABELS),
		...NAMED_LINES
	];
}

/** The texts an edition's step labels and notes put on the map. */
function stepTexts(story: Story): string[] {
	return flattenSteps(story).flatMap((s) => [...translatableLabels(s).values()]);
}

/** Per step, the districts the English map names (the editions show the same map). */
export function districtsByStep(english: MapStep[]): Record<string, string[]> {
	const { topology, places } = mapData();
	const geo = {
		places: new Set(places.map((p) => p.id)),
		provinces: feature(topology, topology.objects.provinces).features.map((f) => f.properties)
	};
	const out: Record<string, string[]> = {};
	for (const s of english) {
		const named = namedDistricts(
			geo,
			[s.view.label, ...s.annotations.map((a) => a.text), ...s.routes.map((r) => r.label ?? '')],
			s.markers.map((m) => m.label ?? '')
		);
		if (named.length) out[s.id] = named;
	}
	return out;
}

/** The fonts of some files, in their order. */
const fontsOf = (files: string[]): Promise<ShapingFont[]> => Promise.all(files.map(loadFont));

/** Rounded up to 0.01 em (0.15 px at the map's largest type): a box is never too narrow. */
const ceil2 = (em: number) => Math.ceil(em * 100 - 1e-6) / 100;

/** Widths of `words` shaped in a map font, in `lang`. */
export async function shapedWidths(
	words: string[],
	mapFont: MapFont,
	lang: string
): Promise<WordWidths> {
	const files = MAP_FONTS[mapFont];
	const regular = await fontsOf(files.regular);
	const bold = await fontsOf(files.bold);
	const all = [...regular, ...bold];
	return {
		words: words.join(' '),
		regular: words.map((w) => ceil2(advance(regular, w, lang))),
		bold: words.map((w) => ceil2(advance(bold, w, lang))),
		space: [ceil2(advance(regular, ' ', lang)), ceil2(advance(bold, ' ', lang))],
		lineHeight: files.lineHeight,
		// The tallest glyph cell of the fonts a label may be set in.
		ascent: ceil2(Math.max(...all.map((f) => f.ascent))),
		descent: ceil2(Math.max(...all.map((f) => f.descent)))
	};
}

const cache = new Map<Lang, Promise<MapText | undefined>>();

/**
 * An edition's map text; none for English, whose map uses the map data's names and estimated
 * widths (and so is the same as before there were editions).
 */
export function mapText(lang: Lang): Promise<MapText | undefined> {
	let text = cache.get(lang);
	if (!text) cache.set(lang, (text = build(lang)));
	return text;
}

async function build(lang: Lang): Promise<MapText | undefined> {
	if (lang === 'en') return undefined;
	const { story, edition } = editionOf(lang);
	const steps = mapSteps(story);
	const table = placeNames();
	const names: Record<string, string> = {};
	for (const id of labelledIds(steps)) {
		const name = table.get(id)?.names[lang];
		// placeNames() has checked that the table names everything the map labels.
		if (!name) throw new Error(`data-src/place_names.csv: no ${lang} name for "${id}"`);
		names[id] = name;
	}
	const font = mapFontOf(lang);
	const durandNote = edition.t('map.durandNote');
	return {
		dir: LANGUAGES[lang].dir,
		font: MAP_FONTS[font].family,
		names,
		districts: districtsByStep(mapSteps(editionOf(undefined).story)),
		durandNote,
		widths: await shapedWidths(
			wordsOf([...Object.values(names), ...stepTexts(story), durandNote]),
			font,
			lang
		),
		scale: Object.fromEntries(
			NICE_KM.map((km) => [km, edition.t('map.scaleKm', { km: edition.number(km) })])
		)
	};
}
