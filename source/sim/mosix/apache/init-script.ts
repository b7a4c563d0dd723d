import type {Host} from '../../host';
import type {World} from '../../world';
import {parseHttpdSettings} from '../settings';
import {PreforkServer} from './prefork';

/** Red Hat's `action` output: the message, then the result at column 60. */
function action(message: string, ok: boolean): string {
	return `${message} `.padEnd(60) + (ok ? '[  OK  ]' : '[FAILED]') + '\n';
}

/** The host's Apache (created on first use from `hosts.NAME.settings.httpd`). */
export function httpdOf(world: World, host: Host): PreforkServer {
	let server = host.daemon<PreforkServer>('httpd');
	if (!server) {
		server = new PreforkServer(world, host, parseHttpdSettings(host.settings.httpd));
		host.daemons.set('httpd', server);
	}
	return server;
}

/** Red Hat Linux 8.0's /etc/init.d/httpd. */
export function httpdScript(world: World, host: Host, command: string | undefined, name = '/etc/init.d/httpd'): {text: string; status: number} {
	const server = httpdOf(world, host);
	switch (command) {
		case 'start':
			return {text: action('Starting httpd:', server.start()), status: 0};
		case 'stop': {
			const ok = server.stop();
			return {text: action('Stopping httpd:', ok), status: ok ? 0 : 1};
		}
		case 'restart':
		case 'reload': {
			const stopped = server.stop();
			let text = action('Stopping httpd:', stopped);
			text += action('Starting httpd:', server.start());
			return {text, status: 0};
		}
		case 'status': {
			if (!server.running) return {text: 'httpd is stopped\n', status: 3};
			const pids = host.processes
				.list()
				.filter((p) => p.command === '/usr/sbin/httpd')
				.map((p) => p.pid)
				.reverse();
			return {text: `httpd (pid ${pids.join(' ')}) is running...\n`, status: 0};
		}
		default:
			return {text: `Usage: ${name} {start|stop|restart|condrestart|reload|status|fullstatus|graceful|help|configtest}\n`, status: 1};
	}
}
