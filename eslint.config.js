// @ts-check
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/** Data and URL text must never become HTML: these sinks are banned in our code. */
const htmlSinks = [
	{
		// `el.innerHTML` and `el['innerHTML']` alike.
		selector: "MemberExpression:matches([property.name='innerHTML'], [property.value='innerHTML'])",
		message: 'No innerHTML: render with Svelte or textContent.'
	},
	{
		selector: "MemberExpression:matches([property.name='outerHTML'], [property.value='outerHTML'])",
		message: 'No outerHTML.'
	},
	{
		selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
		message: 'No insertAdjacentHTML.'
	},
	{
		selector: "CallExpression[callee.property.name='setHTML']",
		message: 'No setHTML: use Popup.setDOMContent with a Svelte-rendered node.'
	},
	{
		selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
		message: 'No document.write.'
	},
	{
		selector: "CallExpression[callee.property.name='createContextualFragment']",
		message: 'No createContextualFragment: it parses HTML.'
	},
	{
		selector: "AssignmentExpression[left.property.name='srcdoc']",
		message: 'No srcdoc: it is a whole HTML document.'
	}
];

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: ['src/**'],
		rules: {
			'no-restricted-syntax': ['error', ...htmlSinks],
			// Strings never become code either (the CSP forbids it too: no 'unsafe-eval').
			'no-eval': 'error',
			'no-implied-eval': 'error',
			'no-new-func': 'error',
			'svelte/no-at-html-tags': 'error',
			// The site is served from the root of its origin (README: hosting), so paths need
			// no base prefix; hashes carry view state that resolve() knows nothing of.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		ignores: [
			'build/',
			'build-hostile/',
			'build-sea/',
			'build-pmtiles/',
			'build*.story-tiles/',
			'.svelte-kit/',
			'.svelte-kit-*/',
			'node_modules/',
			'static/generated/',
			'test-results/',
			'playwright-report/',
			'bench/tmp/',
			'.cache/'
		]
	}
);
