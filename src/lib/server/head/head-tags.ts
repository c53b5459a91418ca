/**
 * The head tags of a prerendered page beyond its title and canonical link (`HeadTags.svelte`),
 * by route: the home page and each event's, and their embed views. They are for crawlers, chat
 * apps and CMSs, which read a page as it is served; the browser keeps only the title and the
 * canonical link current (`$lib/meta/page-head`), so none of this is in the page's script.
 */
import { render } from 'svelte/server';
import HeadTags from './HeadTags.svelte';
import { pageMetaOf } from './page-meta-of';

/** The pages that have head tags of their own, and whether each is an embed view. */
const PAGES: Record<string, { embed: boolean }> = {
	'/': { embed: false },
	'/embed': { embed: true },
	'/events/[id]': { embed: false },
	'/embed/events/[id]': { embed: true }
};

/** The tags as HTML (Svelte's, attributes escaped), or `undefined` for any other route. */
export async function headTags(
	routeId: string | null,
	params: Partial<Record<string, string>>
): Promise<string | undefined> {
	const page = routeId === null ? undefined : PAGES[routeId];
	if (!page) return undefined;
	const { meta } = await pageMetaOf(params.id);
	return render(HeadTags, { props: { meta, embed: page.embed } }).head;
}
