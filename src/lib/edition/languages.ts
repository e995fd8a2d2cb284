/**
 * The story's editions: English (the reference, at the site root) and the translations, each at
 * `/<lang>/`. Everything that differs between editions apart from their text is here: direction,
 * the locale `Intl` formats with, the Open Graph locale and the name readers pick it by.
 */
export const LANGS = ['en', 'ur', 'ps'] as const;
export type Lang = (typeof LANGS)[number];
/** The editions that are translations, i.e. the route parameter's values. */
export const TRANSLATED = LANGS.filter((l): l is Exclude<Lang, 'en'> => l !== 'en');

export interface Language {
	lang: Lang;
	dir: 'ltr' | 'rtl';
	/**
	 * BCP 47 locale for `Intl`. Pashto's default calendar in CLDR is the Solar Hijri one; Pashto
	 * news services date events in the Gregorian calendar, so the edition asks for it.
	 */
	locale: string;
	/** Open Graph `og:locale`. */
	ogLocale: string;
	/** The language's own name, for the switcher. */
	name: string;
	/** Path of the edition's story page under the site's base, "" or "ur/". */
	path: string;
	/** The list comma and the full stop the edition's script writes. */
	comma: string;
	fullStop: string;
}

export const LANGUAGES: Record<Lang, Language> = {
	en: {
		lang: 'en',
		dir: 'ltr',
		locale: 'en-GB',
		ogLocale: 'en_GB',
		name: 'English',
		path: '',
		comma: ', ',
		fullStop: '.'
	},
	ur: {
		lang: 'ur',
		dir: 'rtl',
		locale: 'ur-PK',
		ogLocale: 'ur_PK',
		name: 'اردو',
		path: 'ur/',
		comma: '، ',
		fullStop: '۔'
	},
	ps: {
		lang: 'ps',
		dir: 'rtl',
		locale: 'ps-AF-u-ca-gregory',
		ogLocale: 'ps_AF',
		name: 'پښتو',
		path: 'ps/',
		comma: '، ',
		fullStop: '.'
	}
};

export function isLang(value: string | undefined): value is Lang {
	return (LANGS as readonly string[]).includes(value ?? '');
}

/** The edition of a route's optional `lang` parameter (absent: English). */
export function languageOf(param: string | undefined): Language {
	if (param === undefined) return LANGUAGES.en;
	if (!isLang(param) || param === 'en') throw new Error(`No edition "${param}"`);
	return LANGUAGES[param];
}
