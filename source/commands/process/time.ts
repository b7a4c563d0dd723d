import type {CommandSpec} from '../context';
import {childTimesOf} from './run-program';

/** Quotes a word so the shell reads it back unchanged. */
export function shellQuote(word: string): string {
	if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
	return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** bash's `%3lR`: `0m43.215s` (milliseconds truncated). */
export function minutesSeconds(us: number): string {
	const ms = Math.floor(us / 1000);
	const minutes = Math.floor(ms / 60000);
	const rest = ms - minutes * 60000;
	return `${minutes}m${Math.floor(rest / 1000)}.${String(rest % 1000).padStart(3, '0')}s`;
}

/**
 * bash's `time` keyword: runs the command line, then reports on stderr the
 * virtual time that passed and the CPU time of the children that ended meanwhile
 * (so `time wait` sums the background jobs it waited for).
 */
export const time: CommandSpec = {
	name: 'time',
	group: 'process',
	summary: {en: 'time COMMAND: real, user and sys time of a command (virtual time)', es: 'time COMANDO: tiempo real, de usuario y de sistema (tiempo virtual)'},
	run(ctx) {
		const args = ctx.argv.slice(1);
		let posix = false;
		if (args[0] === '-p') {
			posix = true;
			args.shift();
		}
		if (args[0] === '--') args.shift();
		const times = childTimesOf(ctx.session);
		const start = ctx.world.now;
		const user0 = times.userUs;
		const sys0 = times.sysUs;
		const status = args.length > 0 ? ctx.run(args.map(shellQuote).join(' ')) : 0;
		const real = ctx.world.now - start;
		const user = times.userUs - user0;
		const sys = times.sysUs - sys0;
		if (posix) {
			const f = (us: number) => (Math.floor(us / 10_000) / 100).toFixed(2);
			ctx.err(`real ${f(real)}\nuser ${f(user)}\nsys ${f(sys)}\n`);
		} else ctx.err(`\nreal\t${minutesSeconds(real)}\nuser\t${minutesSeconds(user)}\nsys\t${minutesSeconds(sys)}\n`);
		return status;
	},
};
