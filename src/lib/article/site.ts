/**
 * Where and by whom the story is published. Set at build time through the environment (all are
 * public: they end up in the HTML):
 *
 *   PUBLIC_SITE_ORIGIN    scheme and host the build is served from, no path
 *                         (default https://graphics.example-news.org). With BASE_PATH it makes
 *                         the canonical URL, the share-card URLs and the embed snippets.
 *   PUBLIC_SITE_NAME      publisher shown in share cards and JSON-LD (default "Example News").
 *   PUBLIC_ANALYTICS_URL  optional page-view beacon endpoint. Unset (the default) means no
 *                         analytics at all; set, the page sends one `navigator.sendBeacon` with
 *                         the page path on load, and svelte.config.js allows that origin in the CSP.
 *
 * e.g. PUBLIC_SITE_ORIGIN=https://www.example.com BASE_PATH=/graphics/2024/pakistan-taliban npm run build
 */
import * as env from '$env/static/public';
import { normaliseOrigin } from './urls';

// A namespace read, so an unset variable is `undefined` rather than a missing export.
const vars = env as Record<string, string | undefined>;

export const DEFAULT_SITE_ORIGIN = 'https://graphics.example-news.org';

export const SITE_ORIGIN = normaliseOrigin(vars.PUBLIC_SITE_ORIGIN || DEFAULT_SITE_ORIGIN);
export const SITE_NAME = vars.PUBLIC_SITE_NAME || 'Example News';
export const ANALYTICS_URL = vars.PUBLIC_ANALYTICS_URL || '';

/** The share image, rendered at build time by src/routes/share.png. */
export const SHARE_IMAGE = { path: 'share.png', width: 1200, height: 630 } as const;
