/**
 * Play: select each event of the window in date order, one every few seconds, from the one
 * after the selection (or the first), until the last or Pause.
 */

/** Time each event is shown before the next. */
export const PLAY_STEP_MS = 3000;

export interface PlayerOptions {
	/** The events to play, in order (read at each step: it may grow, never reorder). */
	order: () => readonly { id: string }[];
	/** Ask for the order to hold at least this many events, when more are to be read. */
	more?: (count: number) => Promise<void>;
	/** The selected event, if any. */
	selected: () => string | undefined;
	/** Select an event; the next step is timed from when it resolves. */
	select: (id: string) => Promise<void>;
	step?: number;
}

export class Player {
	playing = $state(false);
	#o: PlayerOptions;
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(opts: PlayerOptions) {
		this.#o = opts;
	}

	play = () => {
		const order = this.#o.order();
		if (order.length === 0) return this.pause();
		this.playing = true;
		const at = order.findIndex((e) => e.id === this.#o.selected());
		/** Play the event after `last` (by id: a paged story's order grows as Play reads it). */
		const step = async (last: string | undefined) => {
			if (!this.playing) return;
			const next = (list: readonly { id: string }[]) =>
				last === undefined ? 0 : list.findIndex((e) => e.id === last) + 1;
			// A paged story's list is read as Play goes (`StoryIndexState.ensureRows`).
			const read = this.#o.order();
			if (next(read) >= read.length) await this.#o.more?.(next(read) + 1);
			const now = this.#o.order();
			const i = next(now);
			if (!this.playing) return;
			if (i >= now.length) return this.pause();
			await this.#o.select(now[i].id);
			if (!this.playing) return;
			this.#timer = setTimeout(() => step(now[i].id), this.#o.step ?? PLAY_STEP_MS);
		};
		step(at >= 0 && at < order.length - 1 ? order[at].id : undefined);
	};

	pause = () => {
		this.playing = false;
		clearTimeout(this.#timer);
		this.#timer = undefined;
	};
}
