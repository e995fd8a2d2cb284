/**
 * Dates, numbers and digits as each edition's readers see them, with `Intl` for the edition's
 * locale: one digit style per edition (Western in English and Urdu, Extended Arabic-Indic in
 * Pashto, as CLDR has them). Dates are formatted in UTC so the build machine's time zone cannot
 * change the page.
 */
import { LANGUAGES, type Lang } from './languages';

const DIGIT_FORMATS = new Map<Lang, string[]>();

/** The edition's ten digits, 0–9, from its number format. */
function digitsOf(lang: Lang): string[] {
	let digits = DIGIT_FORMATS.get(lang);
	if (!digits) {
		const nf = new Intl.NumberFormat(LANGUAGES[lang].locale, { useGrouping: false });
		digits = Array.from({ length: 10 }, (_, d) => nf.format(d));
		DIGIT_FORMATS.set(lang, digits);
	}
	return digits;
}

/** ASCII digits in a text written for an edition, in the edition's digit style. */
export function localDigits(text: string, lang: Lang): string {
	const digits = digitsOf(lang);
	if (digits[0] === '0') return text;
	return text.replace(/[0-9]/g, (d) => digits[Number(d)]!);
}

export function formatNumber(n: number, lang: Lang): string {
	return new Intl.NumberFormat(LANGUAGES[lang].locale).format(n);
}

/**
 * "2024", "2024-03" or "2024-03-05" (or a full ISO date-time) → the year, month and year, or
 * day, month and year in the edition's language ("5 March 2024", "5 مارچ 2024").
 */
export function formatDate(value: string, lang: Lang = 'en'): string {
	const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
	if (!m) return value;
	const [, y, mo, d] = m;
	const locale = LANGUAGES[lang].locale;
	const month = Number(mo);
	if (!mo || month < 1 || month > 12) return localDigits(y!, lang);
	const date = new Date(Date.UTC(Number(y), month - 1, d ? Number(d) : 1));
	return new Intl.DateTimeFormat(locale, {
		timeZone: 'UTC',
		year: 'numeric',
		month: 'long',
		...(d ? { day: 'numeric' } : {})
	}).format(date);
}

/** Whether two ISO date-times fall on different calendar days (UTC). */
export function differentDay(a: string, b: string): boolean {
	return new Date(a).toISOString().slice(0, 10) !== new Date(b).toISOString().slice(0, 10);
}

/** "A, B and C" in the edition's language. */
export function formatList(items: string[], lang: Lang): string {
	return new Intl.ListFormat(LANGUAGES[lang].locale, { type: 'conjunction' }).format(items);
}
