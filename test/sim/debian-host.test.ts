import {describe, expect, it} from 'vitest';
import {kernelLog, printk} from '../../source/sim/system/kernel-log';
import {loadedModules} from '../../source/sim/system/kernel-modules';
import {lab, sh} from '../helpers/lab';

describe('the Debian host feature', () => {
	it('keeps a kernel log other subsystems can append to, cleared by a power cycle', () => {
		const l = lab();
		const host = l.world.host('lvs1')!;
		l.world.advance(2_500_000);
		printk(host, l.world.now, 'IPVS: ls: TCP 10.0.0.100:80 - no destination available');
		expect(sh(l, 'dmesg | tail -1').out).toBe('[    2.500000] IPVS: ls: TCP 10.0.0.100:80 - no destination available\n');
		for (const d of host.daemons.values()) d.onPowerOff?.();
		expect(kernelLog(host).list()).toEqual([]);
		expect(loadedModules(host).loaded).toEqual([]);
		host.bootedAt = l.world.now;
		for (const d of host.daemons.values()) d.onBoot?.();
		expect(sh(l, 'dmesg | head -1').out).toBe('[    0.000000] Linux version 6.1.0-18-686 (debian-kernel@lists.debian.org) (gcc version 12.2.0 (Debian 12.2.0-14)) #1 SMP\n');
		expect(loadedModules(host).loaded).toEqual(['af_packet', 'e1000']);
	});

	it('applies /etc/sysctl.conf at boot, as the procps init script does', () => {
		const l = lab();
		const host = l.world.host('lvs1')!;
		sh(l, 'echo "net.ipv4.conf.all.arp_ignore = 1" >> /etc/sysctl.conf; sysctl -w net.ipv4.ip_forward=0');
		for (const d of host.daemons.values()) d.onPowerOff?.();
		for (const d of host.daemons.values()) d.onBoot?.();
		expect(host.sysctl.get('net.ipv4.conf.all.arp_ignore')).toBe('1');
		expect(host.sysctl.get('net.ipv4.ip_forward')).toBe('1');
	});

	it('does not overwrite files the scenario provides and lists the Debian directories', () => {
		const l = lab();
		// Same bytes as GNU ls 9.1 on these names (tab padding included).
		expect(sh(l, 'ls /').out).toBe('bin   dev  home  mnt  proc  run   srv  usr\nboot  etc  lib\t opt  root  sbin  tmp  var\n');
		expect(sh(l, 'cat /etc/modules').out).toBe('# /etc/modules: kernel modules to load at boot time.\n#\n# This file contains the names of kernel modules that should be loaded\n# at boot time, one per line. Lines beginning with "#" are ignored.\n\n');
	});
});
