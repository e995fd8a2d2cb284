import { hostScript, JS_HEADERS } from '../frames';
import type { RequestHandler } from './$types';

/** For the CMS page that embeds cards: sizes each <div data-frame-src> iframe to its card. */
export const prerender = true;
export const trailingSlash = 'never';

export const GET: RequestHandler = () => new Response(hostScript(), { headers: JS_HEADERS });
