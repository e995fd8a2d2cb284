/**
 * The web fonts the first view uses, as hashed build URLs (the same files src/app.css declares
 * with @font-face), so they can be preloaded: subsets of the latin files (scripts/build-fonts.js).
 */
import serif400 from '../../fonts/source-serif-4-latin-400-normal.woff2?url';
import serif700 from '../../fonts/source-serif-4-latin-700-normal.woff2?url';
import sans400 from '../../fonts/source-sans-3-latin-400-normal.woff2?url';
import sans700 from '../../fonts/source-sans-3-latin-700-normal.woff2?url';

/** Headline and body (serif), byline, step dates and map labels (sans). */
export const FIRST_VIEW_FONTS = [serif700, serif400, sans700, sans400];
/** Card captions and map labels are sans only. */
export const EMBED_FONTS = [sans400, sans700];
