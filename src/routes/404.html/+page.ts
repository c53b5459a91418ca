// Written as build/404.html, which static hosts answer for unknown paths.
export const trailingSlash = 'never';
