/**
 * Vite plugin: `import story from '$content/story.aml'` (or any `*.aml` path) yields the validated
 * Story as JSON; an edition's `story.<lang>.aml` yields the English story with that edition's text,
 * and `edition` (its language and whether it is stale). Editions' page words (ui.<lang>.json) and
 * the map's names in their languages (data-src/place_names.csv) are checked at the start of the
 * build. A broken document fails the dev server and the build with `file:line: field:
 * message`; the map data it is checked against is watched, so fixing either re-runs the check.
 */
import { readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { EDITION_FILE, loadEditions, staleEditions } from './editions';
import { PLACES_FILE, TOPO_FILE } from '../map/dataFiles';
import { loadKnownIds, loadStory, STORY_FILE } from './load';
import { parseStory, StoryError } from './parse';
import { localizeStory, parseTranslation } from './translation';
import { parseUiText, uiFile } from '../edition/uiText';
import { localDigits } from '../edition/format';
import { LANGUAGES, isLang, type Lang } from '../edition/languages';
import { loadPlaceNames, PLACE_NAMES_FILE } from '../edition/placeNames';

export function storyPlugin(): Plugin {
	let root = process.cwd();
	return {
		name: 'story-aml',
		enforce: 'pre',
		configResolved(config) {
			root = config.root;
		},
		buildStart() {
			// The editions in other languages: drift from the English fails the build; a stale
			// edition is a warning here and an error in CI (CI or EDITIONS_STRICT set; .ci/run sets it).
			try {
				const english = loadStory(root);
				const editions = loadEditions(root, english);
				for (const { lang } of editions) {
					const file = uiFile(lang);
					this.addWatchFile(join(root, file));
					parseUiText(readFileSync(join(root, file), 'utf8'), file);
				}
				// The map's names in each edition's language, checked against the map data.
				this.addWatchFile(join(root, PLACE_NAMES_FILE));
				loadPlaceNames(
					editions.map(({ lang }) => ({
						lang,
						dir: isLang(lang) ? LANGUAGES[lang].dir : 'ltr'
					})),
					root
				);
				const stale = staleEditions(editions, english);
				for (const line of stale) {
					if (process.env.CI || process.env.EDITIONS_STRICT) this.error(`Stale edition: ${line}`);
					this.warn(`Stale edition: ${line}`);
				}
			} catch (e) {
				if (e instanceof StoryError) this.error(e.message);
				throw e;
			}
		},
		resolveId(id) {
			if (id.startsWith('$content/') && id.endsWith('.aml')) {
				return resolve(root, 'src/content', id.slice('$content/'.length));
			}
			return null;
		},
		load(id) {
			const file = id.split('?')[0]!;
			if (!file.endsWith('.aml')) return null;
			for (const data of [PLACES_FILE, TOPO_FILE]) this.addWatchFile(join(root, data));
			const name = relative(root, file) || file;
			try {
				// A translation (story.<lang>.aml): the English story with the edition's text.
				if (EDITION_FILE.test(basename(file))) {
					this.addWatchFile(join(root, STORY_FILE));
					const english = loadStory(root);
					const t = parseTranslation(readFileSync(file, 'utf8'), name, english);
					const lang = t.lang as Lang;
					const meta = { lang: t.lang, translatedFrom: t.translatedFrom, stale: t.stale };
					return {
						code: `export default ${JSON.stringify(localizeStory(english, t, (text) => localDigits(text, lang)))};\nexport const edition = ${JSON.stringify(meta)};`,
						map: null
					};
				}
				const story = parseStory(readFileSync(file, 'utf8'), name, loadKnownIds(root));
				return { code: `export default ${JSON.stringify(story)};`, map: null };
			} catch (e) {
				const line = e instanceof StoryError ? e.issues[0]?.line : undefined;
				return this.error({
					message: (e as Error).message,
					id: file,
					...(line ? { loc: { file, line, column: 0 } } : {})
				});
			}
		}
	};
}
