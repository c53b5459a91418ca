/**
 * Play: select each event of the window in date order, one every few seconds, from the one
 * after the selection (or the first), until the last or Pause.
 */

/** Time each event is shown before the next. */
export const PLAY_STEP_MS = 3000;

export interface PlayerOptions {
	/** The events to play, in order (read when Play is pressed). */
	order: () => readonly { id: string }[];
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
		const step = async (i: number) => {
			if (!this.playing) return;
			if (i >= order.length) return this.pause();
			await this.#o.select(order[i].id);
			if (!this.playing) return;
			this.#timer = setTimeout(() => step(i + 1), this.#o.step ?? PLAY_STEP_MS);
		};
		step(at >= 0 && at < order.length - 1 ? at + 1 : 0);
	};

	pause = () => {
		this.playing = false;
		clearTimeout(this.#timer);
		this.#timer = undefined;
	};
}
