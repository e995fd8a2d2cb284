import type { ParamMatcher } from '@sveltejs/kit';
import { TRANSLATED } from '$lib/edition/languages';

/** `/ur/…`, `/ps/…`: the translated editions. English lives at the root. */
export const match: ParamMatcher = (param) => (TRANSLATED as readonly string[]).includes(param);
