import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../../helpers/lab';

const SARGE = 'test/fixtures/sarge-2.6.8.yaml';

/** The thesis' modprobe list (§3.1.5), typos included. */
const THESIS_MODPROBES = ['ip_vs_dh', 'ip_vs_ftp', 'ip_vs', 'ip_vs_lbc', 'ip_vs_lbcrr', 'ip_vs_lc', 'ip_vs_nq', 'ip_vs_rr', 'ip_vs_sed', 'ip_vs_sh', 'ip_vs_wlc', 'ip_vs_wrr'];

describe('modprobe, lsmod, rmmod', () => {
	it("loads the thesis' IPVS modules on a 2.6.8 director; the two typos fail as module-init-tools did", () => {
		const script = THESIS_MODPROBES.map((m) => `modprobe ${m}`).join('\n') + '\necho $?\nlsmod\n';
		const out = run(script, SARGE);
		expect(out).toContain('root@debian1:~# modprobe ip_vs_lbc\nFATAL: Module ip_vs_lbc not found.\nroot@debian1:~# modprobe ip_vs_lbcrr\nFATAL: Module ip_vs_lbcrr not found.\n');
		expect(out).toContain(`root@debian1:~# lsmod
Module                  Size  Used by
ip_vs_wrr               4352  0 
ip_vs_wlc               4352  0 
ip_vs_sh                3712  0 
ip_vs_sed               4352  0 
ip_vs_rr                3712  0 
ip_vs_nq                3712  0 
ip_vs_lc                3712  0 
ip_vs_ftp               6272  0 
ip_vs_dh                3712  0 
ip_vs                  84448  9 ip_vs_dh,ip_vs_ftp,ip_vs_lc,ip_vs_nq,ip_vs_rr,ip_vs_sed,ip_vs_sh,ip_vs_wlc,ip_vs_wrr
8139too                21568  0 
mii                     4896  1 8139too
af_packet              19464  0 
`);
		expect(out).toContain('root@debian1:~# echo $?\n0\n');
	});

	it('uses kmod wording on a modern kernel and logs IPVS to dmesg', () => {
		const l = lab();
		expect(sh(l, 'modprobe ip_vs_lbc')).toEqual({out: 'modprobe: FATAL: Module ip_vs_lbc not found in directory /lib/modules/6.1.0-18-686\n', status: 1});
		expect(sh(l, 'modprobe')).toEqual({out: 'modprobe: ERROR: missing parameters. See -h.\n', status: 1});
		expect(sh(l, 'modprobe ip_vs_wlc').status).toBe(0);
		expect(sh(l, 'lsmod').out).toMatch(/^Module {18}Size {2}Used by\nip_vs_wlc {14}16384 {2}0\nip_vs {17}180224 {2}1 ip_vs_wlc\n/);
		expect(sh(l, 'rmmod ip_vs')).toEqual({out: 'rmmod: ERROR: Module ip_vs is in use by: ip_vs_wlc\n', status: 1});
		expect(sh(l, 'rmmod nosuch')).toEqual({out: 'rmmod: ERROR: Module nosuch is not currently loaded\n', status: 1});
		expect(sh(l, 'rmmod ip_vs_wlc').status).toBe(0);
		expect(sh(l, 'dmesg | grep IPVS').out).toBe(
			'[    0.000000] IPVS: Registered protocols (TCP, UDP, SCTP, AH, ESP)\n[    0.000000] IPVS: Connection hash table configured (size=4096, memory=32Kbytes)\n[    0.000000] IPVS: ipvs loaded.\n[    0.000000] IPVS: [wlc] scheduler registered.\n',
		);
		expect(sh(l, 'sysctl net.ipv4.vs.expire_quiescent_template').out).toBe('net.ipv4.vs.expire_quiescent_template = 0\n');
	});

	it('finds no IPVS modules on a host whose kernel lacks ip_vs', () => {
		const l = lab();
		sh(l, 'ssh rs1');
		expect(sh(l, 'modprobe ip_vs')).toEqual({out: 'modprobe: FATAL: Module ip_vs not found in directory /lib/modules/6.1.0-18-686\n', status: 1});
	});
});

describe('/etc/modules at boot', () => {
	const names = (out: string) => out.split('\n').slice(1, -1).map((line) => line.split(/\s+/)[0]);

	it('a host whose /etc/modules lists the IPVS modules starts with them loaded (the thesis directors)', () => {
		const l = lab('ultramonkey');
		expect(names(sh(l, 'lsmod').out)).toEqual(['ip_vs_wrr', 'ip_vs_wlc', 'ip_vs_sh', 'ip_vs_sed', 'ip_vs_rr', 'ip_vs_nq', 'ip_vs_lc', 'ip_vs_lblcr', 'ip_vs_lblc', 'ip_vs_ftp', 'ip_vs_dh', 'ip_vs', '8139too', 'mii', 'af_packet']);
		// The real servers' /etc/modules is Debian's empty one.
		expect(names(sh(l, 'ssh apache1 lsmod').out)).toEqual(['8139too', 'mii', 'af_packet']);
	});

	it('after reboot or boot HOST, what /etc/modules lists is back and what modprobe loaded by hand is gone', () => {
		const l = lab('sandbox');
		sh(l, 'modprobe ipip');
		sh(l, "printf 'ip_vs_sh\\n# a comment\\nip_vs_wrr   # with a trailing comment\\nno_such_module\\n' >> /etc/modules");
		expect(names(sh(l, 'lsmod').out)).toContain('ipip');
		sh(l, 'reboot');
		sh(l, 'sleep 120');
		const after = names(sh(l, 'lsmod').out);
		expect(after).toEqual(['ip_vs_wrr', 'ip_vs_sh', 'ip_vs', 'nf_conntrack', 'libcrc32c', 'nf_defrag_ipv4', 'nf_defrag_ipv6', 'e1000', 'af_packet']);
		expect(names(sh(l, 'ssh rs1 lsmod').out)).toEqual(['e1000', 'af_packet']);
		sh(l, 'ssh rs1 "echo ipip >> /etc/modules"');
		sh(l, 'poweroff rs1');
		sh(l, 'boot rs1');
		sh(l, 'sleep 120');
		expect(names(sh(l, 'ssh rs1 lsmod').out)).toEqual(['ipip', 'tunnel4', 'ip_tunnel', 'e1000', 'af_packet']);
	});
});
