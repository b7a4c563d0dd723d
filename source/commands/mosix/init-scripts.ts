import {httpdScript} from '../../sim/mosix/apache/init-script';
import {openmosixScript} from '../../sim/mosix/init-script';
import type {CommandSpec} from '../context';
import {mosixToolsInstalled} from './common';

/** /etc/init.d/openmosix (and the thesis' spelling, /etc/init.d/openMosix). */
export const openmosixInit: CommandSpec = {
	name: '/etc/init.d/openmosix',
	paths: ['/etc/init.d/openmosix', '/etc/init.d/openMosix', '/etc/rc.d/init.d/openmosix', '/etc/rc.d/init.d/openMosix'],
	group: 'mosix',
	installed: mosixToolsInstalled,
	run(ctx) {
		const result = openmosixScript(ctx.world, ctx.host, ctx.argv[1], ctx.argv[0]);
		for (const c of result.chunks) (c.stream === 'out' ? ctx.out : ctx.err)(c.text);
		return result.status;
	},
};

/** Red Hat's /etc/init.d/httpd, on hosts where the scenario installs Apache. */
export const httpdInit: CommandSpec = {
	name: '/etc/init.d/httpd',
	paths: ['/etc/init.d/httpd', '/etc/rc.d/init.d/httpd'],
	group: 'mosix',
	installed: (host) => 'httpd' in host.settings,
	run(ctx) {
		const {text, status} = httpdScript(ctx.world, ctx.host, ctx.argv[1], ctx.argv[0]);
		ctx.out(text);
		return status;
	},
};
