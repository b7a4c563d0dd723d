import {formatClock, seconds} from '../../sim/time';
import type {Lang} from '../../i18n/lang';
import {EVENT_SOURCES, eventText, type TimelineEvent} from '../../sim/timeline';
import type {CommandSpec} from '../context';

/** One timeline line: virtual time since the scenario started, host, source and what happened, in the learner's language. */
export function formatEvent(e: TimelineEvent, lang: Lang = 'en'): string {
	return `${formatClock(e.at)}  ${(e.host ?? '-').padEnd(8)} ${e.source.padEnd(10)} ${eventText(e, lang)}\n`;
}

const USAGE = 'usage: events [--since SECS] [--host HOST] [--source SOURCE]\n';

/**
 * `events`: the lab's event timeline (cables, heartbeats, takeovers, checks…)
 * with virtual times, optionally only the last SECS seconds or one host.
 */
export const events: CommandSpec = {
	name: 'events',
	group: 'lab',
	summary: {
		en: 'what happened and when: events [--since SECS] [--host HOST] [--source heartbeat|ldirectord|…]',
		es: 'qué pasó y cuándo: events [--since SEG] [--host HOST] [--source heartbeat|ldirectord|…]',
	},
	run(ctx) {
		let since: number | undefined;
		let host: string | undefined;
		let source: string | undefined;
		const args = ctx.argv.slice(1);
		for (let i = 0; i < args.length; i++) {
			const a = args[i]!;
			const value = (name: string) => {
				if (a.startsWith(name + '=')) return a.slice(name.length + 1);
				return args[++i];
			};
			if (a === '--since' || a.startsWith('--since=')) {
				const v = value('--since');
				if (v === undefined || !/^\d+(\.\d+)?$/.test(v)) {
					ctx.err((ctx.lang === 'es' ? 'events: --since necesita un número de segundos\n' : 'events: --since needs a number of seconds\n') + USAGE);
					return 2;
				}
				since = Number(v);
			} else if (a === '--host' || a.startsWith('--host=')) {
				host = value('--host');
				if (!host || !ctx.world.hosts.has(host)) {
					const hosts = [...ctx.world.hosts.keys()].join(', ');
					ctx.err(ctx.lang === 'es' ? `events: no hay ningún host llamado ${host ?? ''} (hosts: ${hosts})\n` : `events: no host named ${host ?? ''} (hosts: ${hosts})\n`);
					return 2;
				}
			} else if (a === '--source' || a.startsWith('--source=')) {
				source = value('--source');
				if (!(EVENT_SOURCES as readonly string[]).includes(source ?? '')) {
					const known = EVENT_SOURCES.join(', ');
					ctx.err(ctx.lang === 'es' ? `events: no hay ninguna fuente llamada ${source ?? ''} (fuentes: ${known})\n` : `events: no source named ${source ?? ''} (sources: ${known})\n`);
					return 2;
				}
			} else if (a === '-h' || a === '--help') {
				ctx.out(USAGE);
				return 0;
			} else {
				ctx.err((ctx.lang === 'es' ? `events: argumento desconocido '${a}'\n` : `events: unknown argument '${a}'\n`) + USAGE);
				return 2;
			}
		}
		const from = since === undefined ? -Infinity : ctx.world.now - seconds(since);
		for (const e of ctx.world.timeline.list()) {
			if (e.at < from) continue;
			if (host !== undefined && e.host !== host) continue;
			if (source !== undefined && e.source !== source) continue;
			ctx.out(formatEvent(e, ctx.lang));
		}
		return 0;
	},
	complete(ctx, words, partial) {
		const last = words[words.length - 1];
		if (last === '--host') return [...ctx.world.hosts.keys()].filter((h) => h.startsWith(partial));
		if (last === '--source') return EVENT_SOURCES.filter((s) => s.startsWith(partial));
		return ['--since', '--host', '--source'].filter((o) => o.startsWith(partial));
	},
};
