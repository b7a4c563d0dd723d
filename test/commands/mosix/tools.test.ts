import {describe, expect, it} from 'vitest';
import {createLab} from '../../../source/lab/lab';
import {loadScenario} from '../../../source/scenario/load';
import {SEC} from '../../../source/sim/time';
import {expectGolden} from '../../helpers/golden';
import {lab, run, sh} from '../../helpers/lab';
import {powerOff} from '../../../source/sim/net/faults';

const golden = (name: string, script: string, scenario = 'openmosix') => expectGolden(`test/commands/mosix/golden/${name}.txt`, run(script, scenario));

describe('mosmon', () => {
	it('draws load, speed, memory, raw memory, utilizability and log load views (golden)', () => {
		const load = ['sleep 5', ...Array(6).fill("awk 'BEGIN{for(i=0;i<30000;i++)for(j=0;j<10000;j++);}' &"), 'sleep 10'];
		golden('mosmon-views', [...load, 'mosmon', 'mosmon -s', 'mosmon -m', 'mosmon -r', 'mosmon -u', 'mosmon -L', 'mosmon -w -t', 'mosmon -V', 'mosmon +3', 'kill %1 %2 %3 %4 %5 %6'].join('\n'), 'openmosix-4');
	});

	it('shows configured nodes that do not answer as DEAD only with -d', () => {
		const l = lab('openmosix-4');
		l.world.advance(5 * SEC);
		powerOff(l.world, l.world.host('mosix3')!);
		l.world.advance(10 * SEC);
		expect(sh(l, 'mosmon').out).toMatch(/\nNode # {4}1 {2}2 {2}4\n$/);
		const dead = sh(l, 'mosmon -d').out.split('\n');
		expect(dead.at(-2)).toBe('Node #    1  2  3  4');
		// D, E, A, D down the column of node 3, on the rows above the baseline.
		expect(dead.slice(-7, -3).map((line) => line[16])).toEqual(['D', 'E', 'A', 'D']);
	});

	it('complains on a kernel without openMosix and rejects unknown options', () => {
		const l = lab('openmosix');
		expect(sh(l, 'ssh client mosmon')).toEqual({out: 'mosmon: This is NOT a openMosix system!\n', status: 1});
		expect(sh(l, 'mosmon -z').out).toMatch(/^mosmon: invalid option -- 'z'\nUsage: mosmon /);
		expect(sh(l, 'mosmon -F').out).toMatch(/^mosmon: option requires an argument -- 'F'/);
		// Tools of the period are missing on modern hosts.
		expect(sh(lab('sandbox'), 'mosmon')).toEqual({out: 'bash: mosmon: command not found\n', status: 127});
	});

	it('takes the whole screen in the lab (a fullscreen effect) instead of printing', () => {
		const found = loadScenario('openmosix');
		if (!found.ok) throw new Error(found.message);
		const l = createLab(found.config, {seed: 1, lang: 'en', interactive: true});
		const result = l.shell.execute('mosmon -m\n');
		expect(result.output).toEqual([]);
		expect(result.effects).toEqual([{kind: 'fullscreen', tool: 'mosmon', host: 'mosix1', args: ['-m']}]);
		expect(l.shell.execute('mtop\n').effects).toEqual([{kind: 'fullscreen', tool: 'mtop', host: 'mosix1', args: []}]);
	});
});

describe('mosctl', () => {
	it('reads and sets the node (golden)', () => {
		const script = [
			'sleep 3',
			'mosctl status',
			'mosctl whois',
			'mosctl whois 2',
			'mosctl whois mosix2',
			'mosctl whois 192.168.10.2',
			'mosctl isup 2',
			'mosctl getload',
			'mosctl getspeed 2',
			'mosctl getmem',
			'mosctl getfree 2',
			'mosctl getutil',
			'mosctl getyard',
			'mosctl getdecay',
			'mosctl gettune',
			'mosctl block',
			'mosctl quiet',
			'mosctl stay',
			'mosctl status',
			'cat /proc/hpc/admin/block /proc/hpc/admin/quiet /proc/hpc/admin/stay',
			'mosctl noblock',
			'mosctl -quiet',
			'mosctl nostay',
			'mosctl setspeed 9000',
			'mosctl getspeed',
			'mosctl setdecay 2 950 900',
			'mosctl getdecay',
			'mosctl setyard this',
			'mosctl getyard',
		].join('\n');
		golden('mosctl', script);
	});

	it("answers bad arguments with its usage or its own messages", () => {
		const l = lab('openmosix');
		const usage = sh(l, 'mosctl frobnicate');
		expect(usage.status).toBe(1);
		expect(usage.out).toMatch(/^Usage: mosctl \{ stay\|nostay\|lstay\|nolstay\|block\|noblock\|quiet\|noquiet\|nomfs\|mfs\|expel\|bring\|gettune\|getyard\|getdecay \}\n/);
		expect(sh(l, 'mosctl').status).toBe(1);
		expect(sh(l, 'mosctl stay now').status).toBe(1);
		expect(sh(l, 'mosctl getload 9')).toEqual({out: 'mosctl: 9: no such openMosix node\n', status: 1});
		expect(sh(l, 'mosctl setspeed fast')).toEqual({out: 'mosctl: setspeed: invalid speed: fast\n', status: 1});
		expect(sh(l, 'mosctl setdecay 1 900 950').status).toBe(1);
		expect(sh(l, 'mosctl whois mosix9')).toEqual({out: 'mosctl: mosix9: not an openMosix node\n', status: 1});
		expect(sh(l, 'ssh client mosctl status')).toEqual({out: 'mosctl: This is NOT a openMosix system!\n', status: 1});
		sh(l, 'setpe -off');
		expect(sh(l, 'mosctl status')).toEqual({out: 'Node #(null) is not configured\n', status: 1});
		expect(sh(l, 'mosctl isup')).toEqual({out: 'no\n', status: 1});
	});

	it('expel sends guests home and blocks new ones; bring calls processes back home', () => {
		const l = lab('openmosix');
		l.world.advance(5 * SEC);
		for (let i = 0; i < 4; i++) sh(l, 'fib &');
		sh(l, 'sleep 6');
		expect(sh(l, 'mps').out.match(/ 2 R /g)).toHaveLength(2);
		sh(l, 'ssh mosix2 mosctl expel');
		expect(sh(l, 'mps').out).not.toMatch(/ 2 R /);
		sh(l, 'sleep 10');
		expect(sh(l, 'mps').out).not.toMatch(/ 2 R /);
		sh(l, 'ssh mosix2 mosctl noblock');
		sh(l, 'sleep 6');
		expect(sh(l, 'mps').out).toMatch(/ 2 R /);
		sh(l, 'mosctl bring');
		expect(sh(l, 'mps').out).not.toMatch(/ 2 R /);
		sh(l, 'kill %1 %2 %3 %4');
	});
});

describe('migrate, mosrun and the wrappers', () => {
	it('moves processes by hand and starts them where asked (golden)', () => {
		const script = [
			'sleep 3',
			'fib &',
			'migrate 1009 2',
			'sleep 1',
			'mps',
			'cat /proc/1009/where /proc/1009/nmigs /proc/1009/lock',
			'migrate 1009 home',
			'sleep 1',
			'cat /proc/1009/where /proc/1009/nmigs',
			'echo 2 > /proc/1009/goto',
			'sleep 1',
			'cat /proc/1009/where',
			'migrate 1009 balance',
			'kill %1',
			'mosrun -2 fib 38 &',
			'runon 2 fib 38 &',
			'runhome fib 38 &',
			'nomig fib 38 &',
			'cpujob fib 38 &',
			'sleep 1',
			'mps',
			'cat /proc/1011/lock /proc/1012/lock /proc/1013/lock /proc/1014/lock /proc/1015/lock',
			'wait',
		].join('\n');
		golden('migrate-mosrun', script);
	});

	it('reports what the kernel refuses and bad arguments', () => {
		const l = lab('openmosix');
		l.world.advance(3 * SEC);
		expect(sh(l, 'migrate')).toEqual({out: 'Usage: migrate pid {openMosix_ID|home|balance}\n', status: 1});
		expect(sh(l, 'migrate 1000 everywhere').status).toBe(1);
		expect(sh(l, 'migrate 4444 2')).toEqual({out: 'migrate: No such process\n', status: 1});
		// httpd maps the shared scoreboard: the kernel says no, /proc/PID/cantmove says why.
		expect(sh(l, 'migrate 1000 2')).toEqual({out: 'migrate: Operation not permitted\n', status: 1});
		expect(sh(l, 'cat /proc/1000/cantmove').out).toBe('shared memory\n');
		sh(l, 'fib &');
		expect(sh(l, 'migrate 1009 7')).toEqual({out: 'migrate: Invalid argument\n', status: 1});
		expect(sh(l, 'echo 7 > /proc/1009/goto').out).toBe('bash: /proc/1009/goto: Invalid argument\n');
		expect(sh(l, 'mosrun -7 fib')).toEqual({out: 'mosrun: openMosix node #7 is not available\n', status: 1});
		expect(sh(l, 'mosrun -7 -F fib 20')).toEqual({out: 'fib(20) = 6765\n', status: 0});
		expect(sh(l, 'mosrun').out).toMatch(/^Usage: mosrun \[-\{h\|openMosix_ID\|jID1-ID2/);
		expect(sh(l, 'runon fib').out).toBe('Usage: runon openMosix_ID [-z] command [arg...]\n');
		expect(sh(l, 'mosrun -j2-x fib').status).toBe(1);
		expect(sh(l, 'fib -t 2 &').out).toBe('[2] 1011\n');
		expect(sh(l, 'cat /proc/1011/cantmove').out).toBe('shared VM\n');
		sh(l, 'kill %1 %2');
	});
});

describe('setpe, the init script, omdiscd and showmap', () => {
	it("reproduces the thesis' setpe error and its fix (golden)", () => {
		const script = [
			'/etc/init.d/openMosix start',
			'mosctl status',
			'cat /etc/hosts',
			"cat > /etc/hosts <<'EOF'",
			'127.0.0.1\tlocalhost.localdomain localhost',
			'192.168.10.1\tmosix1',
			'192.168.10.2\tmosix2',
			'EOF',
			'/etc/init.d/openMosix start',
			'/etc/init.d/openMosix status',
			'setpe -r',
			'setpe -w -c -f /etc/openMosix.map',
			'setpe -c -f /etc/openMosix.map',
			'/etc/init.d/openMosix stop',
			'/etc/init.d/openMosix status',
			'/etc/init.d/openMosix restart',
			'/etc/init.d/openMosix frobnicate',
			'/etc/init.d/httpd status',
		].join('\n');
		golden('setpe-thesis-error', script, 'openmosix-setpe');
	});

	it('checks tables line by line and reads them from a file or standard input', () => {
		const l = lab('openmosix');
		expect(sh(l, 'setpe')).toEqual({out: expect.stringMatching(/^Usage: setpe -\[w\|W\]/), status: 1});
		expect(sh(l, "echo -e '1 192.168.10.1 1\\n2 mosix2' | setpe -w")).toEqual({out: 'setpe: line 2: bad table entry: "2 mosix2"\n', status: 1});
		expect(sh(l, "echo '0 192.168.10.1 1' | setpe -w").out).toBe('setpe: line 1: openMosix node numbers must be between 1 and 65535\n');
		expect(sh(l, "echo '1 nowhere 1' | setpe -w").out).toBe('setpe: line 1: unknown host: nowhere\n');
		expect(sh(l, "echo '1 mosix1 2' | setpe -w").out).toBe('setpe: line 1: a range of 2 nodes needs an IP address, not a host name\n');
		expect(sh(l, 'setpe -w -f /etc/none.map')).toEqual({out: 'setpe: /etc/none.map: No such file or directory\n', status: 1});
		expect(sh(l, "echo '5 192.168.10.1 3' | setpe -w")).toEqual({out: '', status: 0});
		expect(sh(l, 'setpe -r').out).toBe('This is openMosix node #5\nNetwork protocol: 2 (AF_INET)\nopenMosix range     5-7     begins at 192.168.10.1\nTotal configured: 3\n');
		expect(sh(l, 'setpe -off')).toEqual({out: '', status: 0});
		expect(sh(l, 'setpe -r').out).toBe('Total configured: 0\n');
		expect(sh(l, 'ssh client setpe -r')).toEqual({out: 'setpe: This is NOT a openMosix system!\n', status: 1});
		expect(sh(l, 'ssh client /etc/init.d/openmosix start').out).toBe('Cannot find the /proc/hpc directory.\nLooks like this is not an openMosix enabled kernel.\nConfiguration ABORTED.\n');
	});

	it('autodiscovers nodes with omdiscd (node number = 3rd octet × 256 + 4th)', () => {
		const script = ['setpe -off', 'ssh mosix2 setpe -off', 'omdiscd', 'omdiscd -i eth0', 'ssh mosix2 omdiscd -i eth0', 'sleep 3', 'showmap', 'mosctl whois', 'omdiscd -x'].join('\n');
		golden('omdiscd', script);
	});
});

describe('mps, mtop, omview and /proc', () => {
	it('show where processes run and the cluster summary (golden)', () => {
		const script = ['sleep 3', 'fib &', 'fib &', 'fib &', 'fib &', 'sleep 6', 'mps', 'mps u', 'mps -x', 'mps Q', 'mtop', 'omview', 'mosctl getload 1', 'cat /proc/hpc/nodes/2/load /proc/hpc/nodes/2/speed /proc/hpc/nodes/2/status /proc/hpc/nodes/2/cpus', 'ssh client mps', 'kill %1 %2 %3 %4'].join('\n');
		golden('mps-mtop-omview', script);
	});

	it('lets /proc/hpc/admin files be read and written with cat and echo', () => {
		const l = lab('openmosix');
		expect(sh(l, 'cat /proc/hpc/admin/speed /proc/hpc/admin/mospe /proc/hpc/admin/slow-decay /proc/hpc/admin/fast-decay').out).toBe('12800\n1\n975\n926\n');
		sh(l, 'echo 1 > /proc/hpc/admin/block');
		expect(sh(l, 'cat /proc/hpc/admin/block').out).toBe('1\n');
		expect(sh(l, 'echo maybe > /proc/hpc/admin/block').out).toBe('bash: /proc/hpc/admin/block: Invalid argument\n');
		sh(l, 'echo 7000 > /proc/hpc/admin/speed');
		expect(sh(l, 'mosctl getspeed').out).toBe('7000\n');
		expect(sh(l, 'echo 1 > /proc/hpc/admin/mospe').out).toBe('bash: /proc/hpc/admin/mospe: Permission denied\n');
		expect(sh(l, 'cat /proc/self/lock').out).toBe('0\n');
		sh(l, 'echo 1 > /proc/self/lock');
		sh(l, 'fib 30 &');
		expect(sh(l, 'cat /proc/1009/lock').out).toBe('1\n');
	});
});

describe('live views for the lab screen', () => {
	it('mosmon changes view with its letters, scrolls, quits on q and renders frames that fit', async () => {
		const {mosmonLive, mtopLive} = await import('../../../source/commands/mosix/live-tools');
		const l = lab('openmosix-4');
		l.world.advance(5 * SEC);
		const ctx = {world: l.world, host: l.world.host('mosix1')!, width: 60, height: 12};
		const opened = mosmonLive.open(['-s'], ctx);
		if (!('state' in opened)) throw new Error('mosmon did not open');
		const frame = mosmonLive.render(opened.state, ctx);
		expect(frame.length).toBeLessThanOrEqual(12);
		expect(frame.every((line) => line.length <= 60)).toBe(true);
		expect(frame.slice(2, 7).map((line) => line[0]).join('')).toBe('SPEED');
		const text = (t: string) => ({name: 'text', text: t, ctrl: false});
		const mem = mosmonLive.key(opened.state, text('m'), ctx);
		expect('state' in mem && mem.state.view).toBe('mem');
		const right = mosmonLive.key(opened.state, {name: 'right', text: '', ctrl: false}, ctx);
		expect('state' in right && right.state.start).toBe(2);
		expect(mosmonLive.key(opened.state, text('q'), ctx)).toEqual({close: true});
		expect(mosmonLive.open([], {...ctx, host: l.world.host('client')!})).toEqual({error: 'mosmon: This is NOT a openMosix system!\n'});
		const top = mtopLive.open([], ctx);
		if (!('state' in top)) throw new Error('mtop did not open');
		expect(mtopLive.render(top.state, ctx)[0]).toMatch(/^ 10:00:05 {2}up 0 min, {2}1 user, {2}load average: /);
	});
});

describe('MigShm under ab (openmosix-migshm)', () => {
	it('migrates Apache workers under light load, and mosix1 collapses under ab -c 50 (golden)', () => {
		const script = [
			'sleep 3',
			'ssh client ab -c 4 -n 100 http://192.168.10.1/test.php',
			'mps ax | grep httpd | head -5',
			'cat /proc/1001/cantmove',
			'ssh client ab -c 50 -n 500 http://192.168.10.1/test.php',
			'ssh mosix2 mosctl isup 1',
			'dmesg | tail -2',
		].join('\n');
		const out = run(script, 'openmosix-migshm');
		expect(out).toMatch(/Complete requests: +100\nFailed requests: +0\n/);
		expect(out).toMatch(/ {5}2 S +\S+ \/usr\/sbin\/httpd\n/);
		expect(out).toContain('apr_pollset_poll: The timeout specified has expired (70007)');
		expect(out).toContain('root@mosix1:~# ssh mosix2 mosctl isup 1\nno\n');
		expectGolden('test/commands/mosix/golden/migshm-ab.txt', out);
	});
});
