/**
 * Build-time (Node only): the story's editions in other languages, `src/content/story.<lang>.aml`,
 * each checked against the English document. Drift fails the build (see translation.ts); a stale
 * edition — translated from an older English `updated:` — is reported, and fails in CI.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadStory, STORY_FILE } from './load';
import { parseTranslation, type Translation } from './translation';
import type { Story } from './types';

export const EDITION_FILE = /^story\.([a-z]{2,3})\.aml$/;

export interface Edition {
	lang: string;
	file: string;
	translation: Translation;
}

export function editionFiles(root = process.cwd()): { lang: string; file: string }[] {
	const dir = join(root, 'src/content');
	return readdirSync(dir)
		.map((f) => EDITION_FILE.exec(f))
		.filter((m) => m !== null)
		.map((m) => ({ lang: m[1]!, file: join('src/content', m[0]) }))
		.sort((a, b) => a.lang.localeCompare(b.lang));
}

/** Every edition, parsed and checked against the English; throws StoryError on drift. */
export function loadEditions(root = process.cwd(), english: Story = loadStory(root)): Edition[] {
	return editionFiles(root).map(({ lang, file }) => {
		const translation = parseTranslation(readFileSync(join(root, file), 'utf8'), file, english);
		if (translation.lang !== lang)
			throw new Error(`${file}:1: lang: "${translation.lang}" does not match the file name`);
		return { lang, file, translation };
	});
}

/** Lines to report for stale editions (empty when every edition is current). */
export function staleEditions(editions: Edition[], english: Story): string[] {
	return editions
		.filter((e) => e.translation.stale)
		.map(
			(e) =>
				`${e.file}: translated from the English of ${e.translation.translatedFrom}; ${STORY_FILE} was updated ${english.updated}`
		);
}
