// @ts-check
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/** Data and URL text must never become HTML: these sinks are banned in our code. */
const htmlSinks = [
	{
		selector: "MemberExpression[property.name='innerHTML']",
		message: 'No innerHTML: render with Svelte or textContent.'
	},
	{ selector: "MemberExpression[property.name='outerHTML']", message: 'No outerHTML.' },
	{
		selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
		message: 'No insertAdjacentHTML.'
	},
	{
		selector: "CallExpression[callee.property.name='setHTML']",
		message: 'No setHTML: use Popup.setDOMContent with a Svelte-rendered node.'
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
			'.svelte-kit/',
			'node_modules/',
			'static/generated/',
			'test-results/',
			'playwright-report/',
			'bench/tmp/'
		]
	}
);
