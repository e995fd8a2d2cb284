#!/usr/bin/env node
/**
 * npm run fonts: subsets the story's web fonts to the characters each edition can show.
 *
 * The fontsource files carry hundreds of glyphs each; the story uses a fraction. This writes one
 * woff2 per face the pages use into src/fonts/ (committed, like the map data, so the site builds
 * without this step). tests/unit/article/fonts.test.ts fails when the text gains a character the
 * committed subsets lack: rerun this script then.
 *
 * - Latin (every edition: English text, and the Latin source titles, names and digits inside the
 *   Urdu and Pashto pages): Source Serif 4 and Source Sans 3, kept to the characters of the
 *   English story, the map data and the components. No italic file: the map's few italic labels
 *   use the browser's slanted regular.
 * - Urdu body text: Noto Nastaliq Urdu 400, the newspaper style Urdu readers expect, kept to the
 *   Urdu edition's own text (its prose and page words).
 * - Urdu and Pashto headings and deks, interface text and map labels, and Pashto body text:
 *   Noto Naskh Arabic 400 and 700 (a Nastaliq bold would be a second heavy file), one subset
 *   for both editions: their prose and page words, the map's names in both
 *   (data-src/place_names.csv) and the editions' names in the switcher.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import subsetFont from 'subset-font';
import { PLACES_FILE, TOPO_FILE } from '../src/lib/map/dataFiles.js';

export const OUT_DIR = 'src/fonts';
const NASKH = '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic';

/**
 * @typedef {{ from: string, to: string, text: (root?: string) => string }} Face
 *   fontsource file, subset file in OUT_DIR, the characters it must keep
 */

/** Files whose text can reach a reader's screen in the English edition. */
export function textFiles(root = '.') {
	const src = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
		.filter((f) => /\.(svelte|ts|aml)$/.test(f))
		// The Urdu and Pashto editions set their text in their own fonts.
		.filter((f) => !/story\.[a-z]{2,3}\.aml$/.test(f))
		.map((f) => join('src', f));
	return [...src, PLACES_FILE, TOPO_FILE].map((f) => relative('.', join(root, f)));
}

/**
 * The text files of a translated edition: its story and its page words.
 * @param {string} lang
 */
export function editionFiles(lang, root = '.') {
	return [`src/content/story.${lang}.aml`, `src/content/ui.${lang}.json`].map((f) =>
		relative('.', join(root, f))
	);
}

/**
 * Every character of some files, plus the ones the layout may add.
 * @param {string[]} files
 * @param {string[]} extra
 */
function charactersOf(files, extra) {
	const chars = new Set(extra);
	for (const f of files) for (const ch of readFileSync(f, 'utf8')) chars.add(ch);
	return [...chars]
		.filter((c) => (c.codePointAt(0) ?? 0) >= 0x20)
		.sort()
		.join('');
}

const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
/** Typographic characters the Latin layout may add. */
const LATIN_EXTRA = [...ASCII, ...' \u00a0–—‘’“”…•·×→←−'];
/**
 * What the Arabic-script pages add to their text: the digits the page converts to (Pashto's
 * Extended Arabic-Indic), the script's comma, full stop, question mark and percent sign, and the
 * joining and direction controls (ZWNJ, ZWJ, LRM, RLM) that mixed-direction text uses.
 */
const ARABIC_EXTRA = [
	...' \u00a0',
	...'۰۱۲۳۴۵۶۷۸۹',
	...'،۔؛؟٪',
	'\u200c',
	'\u200d',
	'\u200e',
	'\u200f'
];

/** Every character the English edition can show. */
export function characters(root = '.') {
	return charactersOf(textFiles(root), LATIN_EXTRA);
}

/** Every character the Urdu edition's body text can show. */
export function urduCharacters(root = '.') {
	return charactersOf(editionFiles('ur', root), ARABIC_EXTRA);
}

/** Every character the Urdu and Pashto editions' headings, interface and map can show. */
export function rtlCharacters(root = '.') {
	return charactersOf(
		[
			...editionFiles('ur', root),
			...editionFiles('ps', root),
			relative('.', join(root, 'data-src/place_names.csv')),
			relative('.', join(root, 'src/lib/edition/languages.ts'))
		],
		ARABIC_EXTRA
	);
}

/** @type {Face[]} */
export const FACES = [
	...['source-serif-4', 'source-sans-3'].flatMap((family) =>
		[400, 700].map((weight) => ({
			from: `@fontsource/${family}/files/${family}-latin-${weight}-normal.woff2`,
			to: `${family}-latin-${weight}-normal.woff2`,
			text: characters
		}))
	),
	{
		from: '@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff2',
		to: 'noto-nastaliq-urdu-ur-400-normal.woff2',
		text: urduCharacters
	},
	...[400, 700].map((weight) => ({
		from: `${NASKH}-${weight}-normal.woff2`,
		to: `noto-naskh-arabic-rtl-${weight}-normal.woff2`,
		text: rtlCharacters
	}))
];

async function main() {
	for (const { from, to, text } of FACES) {
		const source = readFileSync(new URL(import.meta.resolve(from)));
		const chars = text();
		const subset = await subsetFont(source, chars, { targetFormat: 'woff2' });
		writeFileSync(join(OUT_DIR, to), subset);
		console.log(
			`${to}: ${source.length} → ${subset.length} bytes, ${[...chars].length} characters`
		);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
