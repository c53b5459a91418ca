/**
 * The lint rules that keep data out of HTML sinks (eslint.config.js, `src/**`): each banned
 * sink in a snippet placed as if under src/ is reported, and clean code is not. Runs ESLint's
 * Node API on in-memory text, with the project's own config.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;

beforeAll(() => {
	eslint = new ESLint({
		cwd: process.cwd(),
		// The snippets exist only in memory, so TypeScript's project service cannot find them;
		// the sink rules are syntactic and need no type information.
		overrideConfig: {
			files: ['**/*.svelte'],
			languageOptions: { parserOptions: { projectService: false } }
		}
	});
});

/** Rule ids and messages for a snippet linted as if it were `filePath`. */
async function lint(code: string, filePath: string) {
	const [result] = await eslint.lintText(code, { filePath });
	const fatal = result.messages.filter((m) => m.fatal);
	expect(fatal, 'the snippet parses').toEqual([]);
	return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const ts = (body: string) =>
	`export function render(el: HTMLElement, x: string, popup: { setHTML(h: string): void }) {\n\t${body}\n}\n`;
const svelte = (script: string, markup: string) =>
	`<script lang="ts">\n\tlet { x }: { x: string } = $props();\n\t${script}\n</script>\n\n${markup}\n`;

describe('HTML sinks are reported in src/', () => {
	const tsCases: [string, string, RegExp][] = [
		['innerHTML', 'el.innerHTML = x;', /no-restricted-syntax: No innerHTML/],
		['innerHTML, computed', "el['innerHTML'] = x;", /no-restricted-syntax: No innerHTML/],
		['outerHTML', 'el.outerHTML = x;', /no-restricted-syntax: No outerHTML/],
		[
			'insertAdjacentHTML',
			"el.insertAdjacentHTML('beforeend', x);",
			/no-restricted-syntax: No insertAdjacentHTML/
		],
		['Popup.setHTML', 'popup.setHTML(x);', /no-restricted-syntax: No setHTML/],
		['document.write', 'document.write(x);', /no-restricted-syntax: No document.write/],
		[
			'createContextualFragment',
			'document.createRange().createContextualFragment(x);',
			/no-restricted-syntax: No createContextualFragment/
		],
		['srcdoc', '(el as HTMLIFrameElement).srcdoc = x;', /no-restricted-syntax: No srcdoc/],
		['eval', 'eval(x);', /no-eval/],
		['new Function', 'new Function(x)();', /no-new-func/]
	];

	for (const [name, body, expected] of tsCases) {
		it(`${name} in a .ts module`, async () => {
			const messages = await lint(ts(body), 'src/lib/ui/sink-example.ts');
			expect(
				messages.some((m) => expected.test(m)),
				messages.join('\n')
			).toBe(true);
		});
	}

	it('{@html} in a component', async () => {
		const messages = await lint(svelte('', '<p>{@html x}</p>'), 'src/lib/ui/SinkExample.svelte');
		expect(messages.some((m) => m.startsWith('svelte/no-at-html-tags'))).toBe(true);
	});

	it('innerHTML and setHTML in a component script', async () => {
		const messages = await lint(
			svelte(
				'let el: HTMLElement | undefined = $state();\n\tconst popup = { setHTML(_h: string) {} };\n\t$effect(() => {\n\t\tif (el) el.innerHTML = x;\n\t\tpopup.setHTML(x);\n\t});',
				'<div bind:this={el}></div>'
			),
			'src/lib/map/SinkExample.svelte'
		);
		expect(messages.filter((m) => m.startsWith('no-restricted-syntax'))).toHaveLength(2);
	});
});

describe('clean code is not reported', () => {
	it('textContent and setDOMContent in a .ts module', async () => {
		const code =
			'export function render(el: HTMLElement, x: string, popup: { setDOMContent(n: Node): void }) {\n\tel.textContent = x;\n\tpopup.setDOMContent(el);\n}\n';
		expect(await lint(code, 'src/lib/ui/clean-example.ts')).toEqual([]);
	});

	it('text interpolation in a component', async () => {
		expect(
			await lint(svelte('', '<p title={x}>{x}</p>'), 'src/lib/ui/CleanExample.svelte')
		).toEqual([]);
	});
});
