import type {CommandContext, CommandSpec} from '../context';

/**
 * `vi`, `vim` and `nano`: the lab screen opens its own small editor on the file
 * (the `fullscreen` effect); a script run by `cluster-lab run` cannot use an
 * editor, so there they explain how to write files instead and fail.
 */
function edit(ctx: CommandContext): number {
	const name = ctx.argv[0]!.slice(ctx.argv[0]!.lastIndexOf('/') + 1);
	if (!ctx.interactive) {
		ctx.err(
			ctx.lang === 'es'
				? `${name}: el editor solo funciona en la pantalla del laboratorio; en un script escribe el archivo con cat > ARCHIVO <<'EOF'\n`
				: `${name}: the editor works only in the lab screen; in a script write the file with cat > FILE <<'EOF'\n`,
		);
		return 1;
	}
	const file = ctx.argv.slice(1).find((a) => !a.startsWith('-') && !a.startsWith('+'));
	if (file === undefined) {
		ctx.err(ctx.lang === 'es' ? `${name}: indica el archivo que quieres editar, p. ej. ${name} /etc/hosts\n` : `${name}: name the file to edit, e.g. ${name} /etc/hosts\n`);
		return 1;
	}
	const path = ctx.resolve(file);
	if (ctx.host.fs.isDir(path)) {
		ctx.err(`${name}: ${file}: Is a directory\n`);
		return 1;
	}
	ctx.effect({kind: 'fullscreen', tool: name, host: ctx.host.name, args: [path]});
	return 0;
}

export const vi: CommandSpec = {
	name: 'vi',
	paths: ['/usr/bin/vi'],
	group: 'files',
	summary: {en: 'edit a file (i insert, Esc, :wq save and quit, :q! quit)', es: 'edita un archivo (i insertar, Esc, :wq guardar y salir, :q! salir)'},
	run: edit,
};

export const vim: CommandSpec = {name: 'vim', paths: ['/usr/bin/vim'], group: 'files', run: edit};

export const nano: CommandSpec = {
	name: 'nano',
	paths: ['/bin/nano', '/usr/bin/nano'],
	group: 'files',
	summary: {en: 'edit a file (^O save, ^X exit)', es: 'edita un archivo (^O guardar, ^X salir)'},
	run: edit,
};
