#!/usr/bin/env node
/**
 * npm run fonts: subsets the story's web fonts to the characters the site can show.
 *
 * The fontsource "latin" files carry about 230 glyphs each; the story uses about a hundred. This
 * writes one woff2 per face the pages use into src/fonts/ (committed, like the map data, so the
 * site builds without this step), keeping every character found in the story document, the map
 * data's names and the components' own text. tests/unit/article/fonts.test.ts fails when the
 * text gains a character the committed subsets lack: rerun this script then.
 *
 * The italic is not shipped: the map's few italic labels use the browser's slanted regular.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import subsetFont from 'subset-font';
import { PLACES_FILE, TOPO_FILE } from '../src/lib/map/dataFiles.js';

/** @type {[string, string][]} fontsource file, subset file */
export const FACES = [
	[
		'@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2',
		'source-serif-4-latin-400-normal.woff2'
	],
	[
		'@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2',
		'source-serif-4-latin-700-normal.woff2'
	],
	[
		'@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2',
		'source-sans-3-latin-400-normal.woff2'
	],
	[
		'@fontsource/source-sans-3/files/source-sans-3-latin-700-normal.woff2',
		'source-sans-3-latin-700-normal.woff2'
	]
];
export const OUT_DIR = 'src/fonts';

/** Files whose text can reach a reader's screen. */
export function textFiles(root = '.') {
	const src = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
		.filter((f) => /\.(svelte|ts|aml)$/.test(f))
		// The Urdu and Pashto editions set their text in their own fonts.
		.filter((f) => !/story\.[a-z]{2,3}\.aml$/.test(f))
		.map((f) => join('src', f));
	return [...src, PLACES_FILE, TOPO_FILE].map((f) => relative('.', join(root, f)));
}

/** Every character in those files, plus the typographic ones the layout may add. */
export function characters(root = '.') {
	const chars = new Set(' \u00a0–—‘’“”…•·×→←−'.split(''));
	for (let c = 0x20; c < 0x7f; c++) chars.add(String.fromCharCode(c));
	for (const f of textFiles(root)) for (const ch of readFileSync(f, 'utf8')) chars.add(ch);
	return [...chars]
		.filter((c) => (c.codePointAt(0) ?? 0) >= 0x20)
		.sort()
		.join('');
}

async function main() {
	const text = characters();
	for (const [from, to] of FACES) {
		const source = readFileSync(new URL(import.meta.resolve(from)));
		const subset = await subsetFont(source, text, { targetFormat: 'woff2' });
		writeFileSync(join(OUT_DIR, to), subset);
		console.log(`${to}: ${source.length} → ${subset.length} bytes`);
	}
	console.log(`${[...text].length} characters`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
