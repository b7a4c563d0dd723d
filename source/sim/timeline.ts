import type {Micros} from './time';

/** Which part of the cluster an event comes from (used for filtering and colour). */
export type EventSource = 'lab' | 'net' | 'ipvs' | 'heartbeat' | 'ldirectord' | 'sync' | 'mosix' | 'http' | 'traffic';

/** One line of the event timeline that `events` prints and the lab screen shows. */
export interface TimelineEvent {
	readonly seq: number;
	readonly at: Micros;
	readonly source: EventSource;
	readonly host?: string;
	/** English sentence with the actual numbers. */
	readonly text: string;
}

/** Append-only, capped event log. */
export class Timeline {
	private items: TimelineEvent[] = [];
	private seq = 0;

	constructor(private readonly cap = 5000) {}

	add(at: Micros, source: EventSource, text: string, host?: string): TimelineEvent {
		const event: TimelineEvent = {seq: this.seq++, at, source, host, text};
		this.items.push(event);
		if (this.items.length > this.cap) this.items.splice(0, this.items.length - this.cap);
		return event;
	}

	/** Events in order; `since` is a sequence number to get only newer ones. */
	list(since = -1): readonly TimelineEvent[] {
		if (since < 0) return this.items;
		const first = this.items.findIndex((e) => e.seq > since);
		return first < 0 ? [] : this.items.slice(first);
	}

	get lastSeq(): number {
		return this.seq - 1;
	}
}
