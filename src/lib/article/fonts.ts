/**
 * The web fonts each edition's first view uses, as hashed build URLs (the same files src/app.css
 * and src/editions.css declare with @font-face), so they can be preloaded: subsets made by
 * scripts/build-fonts.js.
 */
import type { Lang } from '$lib/edition/languages';
import serif400 from '../../fonts/source-serif-4-latin-400-normal.woff2?url';
import serif700 from '../../fonts/source-serif-4-latin-700-normal.woff2?url';
import sans400 from '../../fonts/source-sans-3-latin-400-normal.woff2?url';
import sans700 from '../../fonts/source-sans-3-latin-700-normal.woff2?url';
import naskh400 from '../../fonts/noto-naskh-arabic-rtl-400-normal.woff2?url';
import naskh700 from '../../fonts/noto-naskh-arabic-rtl-700-normal.woff2?url';

/**
 * English: headline and body (serif), byline, step dates and map labels (sans). Urdu: headline,
 * dek, byline and map labels in Naskh, Latin (digits, names) in sans regular; its body face,
 * Nastaliq (107 KB), is fetched only after the first paint (src/editions.css). Pashto: the same
 * in Naskh only.
 */
export const FIRST_VIEW_FONTS: Record<Lang, string[]> = {
	en: [serif700, serif400, sans700, sans400],
	ur: [naskh700, naskh400, sans400],
	ps: [naskh700, naskh400, sans400]
};
/** Card captions and map labels are sans only. */
export const EMBED_FONTS: Record<Lang, string[]> = {
	en: [sans400, sans700],
	ur: [naskh400, naskh700, sans400],
	ps: [naskh400, naskh700, sans400]
};
