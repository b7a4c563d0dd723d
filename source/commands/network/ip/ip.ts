import type {CommandSpec} from '../../context';
import {ipAddr} from './ip-addr';
import {ipRun, matches} from './ip-common';
import type {IpOptions} from './ip-format';
import {ipLink} from './ip-link';
import {ipNeigh} from './ip-neigh';
import {ipRoute} from './ip-route';
import {userlandEra} from '../../../sim/net/userland-era';

const MODERN_USAGE = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |
                   link | macsec | maddress | monitor | mptcp | mroute | mrule |
                   neighbor | neighbour | netconf | netns | nexthop | ntable |
                   ntbl | route | rule | sr | tap | tcpmetrics |
                   token | tunnel | tuntap | vrf | xfrm }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                    -h[uman-readable] | -iec | -j[son] | -p[retty] |
                    -f[amily] { inet | inet6 | mpls | bridge | link } |
                    -4 | -6 | -M | -B | -0 |
                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                    -c[olor]}
`;

const OLD_USAGE = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
where  OBJECT := { link | addr | route | rule | neigh | tunnel |
                   maddr | mroute | monitor | xfrm }
       OPTIONS := { -V[ersion] | -s[tatistics] | -r[esolve] |
                    -f[amily] { inet | inet6 | ipx | dnet | link } |
                    -o[neline] }
`;

/** iproute2 `ip`: addr, link, route, neigh with -4/-6/-0/-o/-s/-f; output era from the host's kernel. */
export const ip: CommandSpec = {
	name: 'ip',
	paths: ['/sbin/ip', '/bin/ip'],
	group: 'network',
	summary: {en: 'addresses, links, routes, ARP cache: ip addr, ip route, ip neigh', es: 'direcciones, enlaces, rutas, caché ARP: ip addr, ip route, ip neigh'},
	run(ctx) {
		const old = userlandEra(ctx.host.kernel) === 'sarge';
		const args = ctx.argv.slice(1);
		const opts: IpOptions = {family: undefined, oneline: false, stats: 0};
		while (args[0]?.startsWith('-')) {
			let opt = args.shift()!;
			if (opt.startsWith('--')) opt = opt.slice(1);
			if (opt === '-4') opts.family = 'inet';
			else if (opt === '-6') opts.family = 'inet6';
			else if (opt === '-0') opts.family = 'link';
			else if (matches(opt.slice(1), 'oneline') && opt.length > 1) opts.oneline = true;
			else if (matches(opt.slice(1), 'statistics') || opt === '-stats') opts.stats++;
			else if (matches(opt.slice(1), 'family')) {
				const f = args.shift();
				if (f === 'inet' || f === 'inet6' || f === 'link') opts.family = f;
				else {
					ctx.err(f === undefined ? 'Command line is not complete. Try option "help"\n' : `Error: argument "${f}" is wrong: invalid protocol family\n`);
					return 255;
				}
			} else if (matches(opt.slice(1), 'Version')) {
				ctx.out(old ? 'ip utility, iproute2-ss041019\n' : 'ip utility, iproute2-6.1.0, libbpf 1.1.0\n');
				return 0;
			} else if (['-d', '-details', '-r', '-resolve', '-n', '-N', '-numeric', '-c', '-color', '-t', '-timestamp'].includes(opt)) continue;
			else if (matches(opt.slice(1), 'help')) {
				ctx.err(old ? OLD_USAGE : MODERN_USAGE);
				return 255;
			} else {
				ctx.err(`Option "${opt}" is unknown, try "ip -help".\n`);
				return 255;
			}
		}
		const object = args.shift();
		if (object === undefined) {
			ctx.err(old ? OLD_USAGE : MODERN_USAGE);
			return 255;
		}
		const r = ipRun(ctx, opts);
		if (matches(object, 'address') || object === 'a') return ipAddr(r, args);
		if (matches(object, 'link')) return ipLink(r, args);
		if (matches(object, 'route') || object === 'r') return ipRoute(r, args);
		if (matches(object, 'neighbour') || matches(object, 'neighbor')) return ipNeigh(r, args);
		if (matches(object, 'help')) {
			ctx.err(old ? OLD_USAGE : MODERN_USAGE);
			return 255;
		}
		ctx.err(`Object "${object}" is unknown, try "ip help".\n`);
		return old ? 255 : 1;
	},
	complete(_ctx, words, partial) {
		if (words.length === 1) return ['addr', 'link', 'route', 'neigh'].filter((w) => w.startsWith(partial));
		if (words.length === 2) return ['show', 'add', 'del'].filter((w) => w.startsWith(partial));
		return [];
	},
};
