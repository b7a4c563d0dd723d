import type {CommandSpec} from '../context';

export const cd: CommandSpec = {
	name: 'cd',
	group: 'shell',
	summary: {en: 'change directory', es: 'cambia de directorio'},
	run(ctx) {
		const args = ctx.argv.slice(1);
		if (args.length > 1) {
			ctx.err('bash: cd: too many arguments\n');
			return 1;
		}
		const target = args[0] ?? ctx.env.get('HOME') ?? '/root';
		// bash: an empty operand leaves the directory as it is.
		if (target === '') return 0;
		const path = ctx.resolve(target);
		const entry = ctx.host.fs.stat(path);
		if (!entry) {
			ctx.err(`bash: cd: ${target}: No such file or directory\n`);
			return 1;
		}
		if (entry.kind !== 'dir') {
			ctx.err(`bash: cd: ${target}: Not a directory\n`);
			return 1;
		}
		ctx.chdir(path);
		return 0;
	},
};

export const pwd: CommandSpec = {
	name: 'pwd',
	paths: ['/bin/pwd'],
	group: 'shell',
	summary: {en: 'print the working directory', es: 'muestra el directorio de trabajo'},
	run(ctx) {
		ctx.out(ctx.cwd + '\n');
		return 0;
	},
};
