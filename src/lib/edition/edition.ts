/**
 * One edition as the page's components use it: its language, its words and the formatting of
 * its dates and numbers. Plain data and pure functions, safe on the server and in the island.
 */
import { formatDate, formatList, formatNumber, localDigits } from './format';
import { LANGUAGES, type Lang, type Language } from './languages';
import { fill, UI_EN, type UiKey, type UiText } from './ui';

export interface Edition extends Language {
	ui: UiText;
	/** Translated from an older English `updated:` than the current one (always false in English). */
	stale: boolean;
	/** The edition's words for `key`, `{placeholders}` filled; numbers in the edition's digits. */
	t(key: UiKey, values?: Record<string, string | number>): string;
	/** An ISO date as the edition's readers write it. */
	date(iso: string): string;
	number(n: number): string;
	/** ASCII digits in the edition's own text, in its digit style. */
	digits(text: string): string;
	list(items: string[]): string;
}

export function makeEdition(lang: Lang, ui: UiText = UI_EN, stale = false): Edition {
	return {
		...LANGUAGES[lang],
		ui,
		stale,
		t: (key, values = {}) =>
			fill(
				ui[key],
				Object.fromEntries(
					Object.entries(values).map(([k, v]) => [
						k,
						typeof v === 'number' ? formatNumber(v, lang) : v
					])
				)
			),
		date: (iso) => formatDate(iso, lang),
		number: (n) => formatNumber(n, lang),
		digits: (text) => localDigits(text, lang),
		list: (items) => formatList(items, lang)
	};
}

export const ENGLISH: Edition = makeEdition('en');
