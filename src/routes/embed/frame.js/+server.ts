import { frameScript, JS_HEADERS } from '../frames';
import type { RequestHandler } from './$types';

/** Loaded by every embed card: reports the card's height to the host page. */
export const prerender = true;
export const trailingSlash = 'never';

export const GET: RequestHandler = () => new Response(frameScript(), { headers: JS_HEADERS });
