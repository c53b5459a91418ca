// Written as build/404.html, which static hosts answer for unknown paths.
export const trailingSlash = 'never';
// Plain HTML, no app: a static host answers it at any unknown path, where the router would
// try to match that path instead of this page.
export const csr = false;
