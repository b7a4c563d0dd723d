import type {Lang, Localized} from '../i18n/lang';
import type {Micros} from './time';

/** Which part of the cluster an event comes from (used for filtering and colour). */
export const EVENT_SOURCES = ['lab', 'net', 'ipvs', 'heartbeat', 'ldirectord', 'sync', 'mosix', 'http', 'traffic'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/** One line of the event timeline that `events` prints and the lab screen shows. */
export interface TimelineEvent {
	readonly seq: number;
	readonly at: Micros;
	readonly source: EventSource;
	readonly host?: string;
	/** English sentence with the actual numbers (lesson goals and tests match this one). */
	readonly text: string;
	/** The same sentence in Spanish; absent only for callers that still log English alone. */
	readonly es?: string;
}

/** What `World.log` takes: a sentence in every language the lab speaks, or English alone. */
export type EventText = string | Localized;

/** The event's sentence in the learner's language (English when it has no translation). */
export function eventText(e: Pick<TimelineEvent, 'text' | 'es'>, lang: Lang): string {
	return lang === 'es' && e.es !== undefined ? e.es : e.text;
}

/** Append-only, capped event log. */
export class Timeline {
	private items: TimelineEvent[] = [];
	private seq = 0;

	constructor(private readonly cap = 5000) {}

	add(at: Micros, source: EventSource, text: EventText, host?: string): TimelineEvent {
		// Both languages are plain strings stored side by side: no call site logs
		// per packet (the IPVS kernel lines are rate-limited before they get here).
		const plain = typeof text === 'string';
		const event: TimelineEvent = {seq: this.seq++, at, source, host, text: plain ? text : text.en, es: plain ? undefined : text.es};
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
