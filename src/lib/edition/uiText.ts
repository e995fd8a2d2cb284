/**
 * Build-time check of an edition's page words, `src/content/ui.<lang>.json`, against the English
 * (ui.ts): the same keys, each non-empty, with the same `{placeholders}`. Drift fails the build
 * naming the file, line and key, like drift in the story's text (story/translation.ts).
 */
import { StoryError, type StoryIssue } from '../story/parse';
import { placeholders, UI_EN, type UiKey, type UiText } from './ui';

export const uiFile = (lang: string) => `src/content/ui.${lang}.json`;

/** 1-based line of `"key"` in a JSON source (1 when absent). */
function lineOfKey(source: string, key: string): number {
	const at = source.indexOf(JSON.stringify(key));
	return at < 0 ? 1 : source.slice(0, at).split('\n').length;
}

/** The edition's words, checked; throws a StoryError listing every problem. */
export function parseUiText(source: string, file: string): UiText {
	let data: unknown;
	try {
		data = JSON.parse(source);
	} catch (e) {
		const pos = /position (\d+)/.exec((e as Error).message);
		const line = pos ? source.slice(0, Number(pos[1])).split('\n').length : 1;
		throw new StoryError(file, [{ line, path: '(file)', message: (e as Error).message }]);
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data))
		throw new StoryError(file, [{ line: 1, path: '(file)', message: 'expected a JSON object' }]);
	const text = data as Record<string, unknown>;
	const issues: StoryIssue[] = [];
	for (const [key, english] of Object.entries(UI_EN)) {
		const value = text[key];
		const line = lineOfKey(source, key);
		if (!(key in text)) {
			issues.push({ line, path: key, message: `missing; the English is "${english}"` });
			continue;
		}
		if (typeof value !== 'string' || !value.trim()) {
			issues.push({ line, path: key, message: 'must be a non-empty string' });
			continue;
		}
		const want = placeholders(english).join(', ');
		const got = placeholders(value).join(', ');
		if (want !== got)
			issues.push({
				line,
				path: key,
				message: `placeholders {${got}} differ from the English {${want}}`
			});
	}
	for (const key of Object.keys(text))
		if (!(key in UI_EN))
			issues.push({
				line: lineOfKey(source, key),
				path: key,
				message: 'not a key of the English (src/lib/edition/ui.ts)'
			});
	if (issues.length) throw new StoryError(file, issues);
	return text as UiText;
}

export type { UiKey };
