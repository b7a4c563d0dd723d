import type {CommandContext, CommandSpec} from '../context';
import {completeIpvsadm} from './complete';
import {ipvsadmMain} from './main';

function io(ctx: CommandContext) {
	return {out: (text: string) => ctx.out(text), err: (text: string) => ctx.err(text)};
}

/** ipvsadm 1.31: administer the kernel's IP Virtual Server table. */
export const ipvsadm: CommandSpec = {
	name: 'ipvsadm',
	paths: ['/sbin/ipvsadm', '/usr/sbin/ipvsadm'],
	group: 'lvs',
	summary: {
		en: 'show and change the LVS table of virtual services and real servers (-L -n lists it)',
		es: 'muestra y cambia la tabla LVS de servicios virtuales y servidores reales (-L -n la lista)',
	},
	run: (ctx) => ipvsadmMain(ctx.host, ctx.argv, ctx.stdin, io(ctx)),
	complete: ({host}, words, partial) => completeIpvsadm(host, words, partial),
};

/** ipvsadm-save [-n]: the Debian wrapper script around `ipvsadm -S`. */
export const ipvsadmSave: CommandSpec = {
	name: 'ipvsadm-save',
	paths: ['/sbin/ipvsadm-save', '/usr/sbin/ipvsadm-save'],
	group: 'lvs',
	summary: {en: 'print the LVS table as ipvsadm commands (-n: numeric)', es: 'imprime la tabla LVS como órdenes de ipvsadm (-n: numérica)'},
	run: (ctx) => ipvsadmMain(ctx.host, ['ipvsadm', '-S', ...ctx.argv.slice(1)], ctx.stdin, io(ctx)),
};

/** ipvsadm-restore: the wrapper script around `ipvsadm -R`, reading standard input. */
export const ipvsadmRestore: CommandSpec = {
	name: 'ipvsadm-restore',
	paths: ['/sbin/ipvsadm-restore', '/usr/sbin/ipvsadm-restore'],
	group: 'lvs',
	summary: {en: 'load an LVS table saved by ipvsadm-save from standard input', es: 'carga desde la entrada estándar una tabla LVS guardada con ipvsadm-save'},
	run: (ctx) => ipvsadmMain(ctx.host, ['ipvsadm', '-R'], ctx.stdin, io(ctx)),
};
