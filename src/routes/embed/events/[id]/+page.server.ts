/** An embed view for every event that has a page of its own (the same list as the full pages). */
export { entries } from '../../../events/[id]/+page.server';
