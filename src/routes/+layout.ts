// Every page is prerendered to static HTML; the site deploys to any static host.
export const prerender = true;
export const trailingSlash = 'always';
