import {httpServer} from '../../sim/http/server';
import {apache2Init} from '../../sim/traffic/feature';
import type {CommandSpec} from '../context';

/**
 * Debian's /etc/init.d/apache2 on the host the shell is on: start, stop,
 * restart, reload, force-reload and status, with the script's messages.
 */
export const apache2: CommandSpec = {
	name: '/etc/init.d/apache2',
	paths: ['/etc/init.d/apache2'],
	group: 'traffic',
	summary: {en: 'start, stop or restart the Apache web server of this host', es: 'arranca, para o reinicia el servidor web Apache de este host'},
	run(ctx) {
		const {world, host} = ctx;
		const action = ctx.argv[1];
		const srv = httpServer(world, host, () => world.rng.fork(`http-${host.name}`));
		switch (ctx.argv.length === 2 ? action : undefined) {
			case 'start':
				ctx.out(apache2Init.start(world, host));
				return 0;
			case 'stop':
				ctx.out(apache2Init.stop(world, host));
				return 0;
			case 'restart':
				if (srv.running) srv.stop();
				srv.start();
				ctx.out('Restarting web server: apache2.\n');
				return 0;
			case 'reload':
			case 'force-reload':
				if (!srv.running) {
					ctx.out('Reloading web server config: apache2httpd (no pid file) not running\n failed!\n');
					return 1;
				}
				ctx.out('Reloading web server config: apache2.\n');
				return 0;
			case 'status':
				if (srv.running) {
					ctx.out(`Apache2 is running (pid ${srv.pid}).\n`);
					return 0;
				}
				ctx.out('Apache2 is NOT running.\n');
				return 3;
			default:
				ctx.out(`Usage: ${ctx.argv[0]} {start|stop|restart|reload|force-reload|status}\n`);
				return 1;
		}
	},
	installed: (host) => host.role !== 'client',
};
