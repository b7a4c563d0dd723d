import {describe, expect, it} from 'vitest';
import {parseScenario} from '../../../source/scenario/load';
import {builtinScenarios} from '../../../source/scenario/load';
import {hardwareSpeed} from '../../../source/sim/cpu/speed';
import {mosixCluster} from '../../../source/sim/mosix/cluster';
import {lab} from '../../helpers/lab';

const scenario = (extra: string[]) =>
	[
		'name: x',
		'title: t',
		'start: a',
		'settings:',
		'  openmosix:',
		'    migshm: yes-please',
		'hosts:',
		'  a:',
		'    role: node',
		'    settings:',
		'      openmosix:',
		'        speed: -4',
		...extra,
		'',
	].join('\n');

describe('openMosix scenario settings', () => {
	it('are validated with the file and line of the bad value', () => {
		const r = parseScenario(scenario(['      httpd:', '        maxClients: 100000', '        pages:', '          /t.php: {cpu: 1, surprise: 2}']), 'om.yaml');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.map((e) => `${e.file}:${e.line}: ${e.message.split(':')[0]}`)).toEqual([
			'om.yaml:6: settings.openmosix.migshm',
			'om.yaml:12: hosts.a.settings.openmosix.speed',
			'om.yaml:14: hosts.a.settings.httpd.maxClients',
			'om.yaml:16: hosts.a.settings.httpd.pages./t.php',
		]);
	});

	it('build the thesis cluster: speeds from the hardware, openMosix configured at boot', () => {
		const {world} = lab('openmosix');
		const c = mosixCluster(world)!;
		expect(c.settings.migshm).toBe(false);
		expect([...c.nodes.keys()]).toEqual(['mosix1', 'mosix2']);
		expect(c.node(world.host('mosix1')!)!.speed).toBe(hardwareSpeed(world.host('mosix1')!.hardware));
		expect([...c.nodes.values()].map((n) => [n.myId, n.configured])).toEqual([
			[1, true],
			[2, true],
		]);
		expect(c.node(world.host('client')!)).toBeUndefined();
		expect(mosixCluster(lab('openmosix-migshm').world)!.settings.migshm).toBe(true);
	});

	it('ship every openMosix scenario as a valid built-in', () => {
		expect(builtinScenarios()).toEqual(expect.arrayContaining(['openmosix', 'openmosix-4', 'openmosix-8', 'openmosix-migshm', 'openmosix-setpe']));
		for (const name of ['openmosix-4', 'openmosix-8', 'openmosix-setpe']) expect(() => lab(name)).not.toThrow();
		expect(mosixCluster(lab('openmosix-setpe').world)!.node(lab('openmosix-setpe').world.host('mosix1')!)!.configured).toBe(false);
	});
});
