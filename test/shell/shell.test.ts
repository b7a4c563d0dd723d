import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../helpers/lab';
import {powerOff} from '../../source/sim/net/faults';

describe('lab shell', () => {
	it('prints bash\'s message and status 127 for an unknown command', () => {
		const l = lab();
		expect(sh(l, 'frobnicate -x')).toEqual({out: 'bash: frobnicate: command not found\n', status: 127});
		expect(sh(l, 'echo $?').out).toBe('127\n');
	});

	it('expands variables, keeps quoted text whole and splits unquoted expansions', () => {
		const l = lab();
		sh(l, 'X="a   b"');
		expect(sh(l, 'echo $X "$X"').out).toBe('a b a   b\n');
		expect(sh(l, 'echo ~ "~"').out).toBe('/root ~\n');
	});

	it('redirects output to files, appends, and reads files back with <', () => {
		const l = lab();
		sh(l, 'echo one > /tmp/f');
		sh(l, 'echo two >> /tmp/f');
		expect(sh(l, 'cat < /tmp/f').out).toBe('one\ntwo\n');
		expect(sh(l, 'cat /tmp/f /nope 2>/dev/null').out).toBe('one\ntwo\n');
		expect(sh(l, 'cat /nope 2>&1 > /dev/null')).toEqual({out: 'cat: /nope: No such file or directory\n', status: 1});
	});

	it('writes heredocs, expanding variables only when the delimiter is unquoted', () => {
		const l = lab();
		sh(l, 'cat > /tmp/a <<EOF\nhome=$HOME\nEOF');
		sh(l, "cat > /tmp/b <<'EOF'\nhome=$HOME\nEOF");
		expect(sh(l, 'cat /tmp/a /tmp/b').out).toBe('home=/root\nhome=$HOME\n');
	});

	it('runs && and || by status, and pipes stdout into the next command', () => {
		const l = lab();
		expect(sh(l, 'false && echo no || echo yes').out).toBe('yes\n');
		expect(sh(l, 'echo piped | cat -n').out).toBe('     1\tpiped\n');
	});

	it('follows ssh with the prompt and returns on exit', () => {
		const l = lab();
		expect(l.shell.prompt()).toBe('root@lvs1:~# ');
		sh(l, 'ssh rs2');
		expect(l.shell.prompt()).toBe('root@rs2:~# ');
		expect(sh(l, 'hostname').out).toBe('rs2\n');
		expect(sh(l, 'exit').out).toBe('logout\nConnection to rs2 closed.\n');
		expect(l.shell.prompt()).toBe('root@lvs1:~# ');
		expect(sh(l, 'ssh rs3 cat /var/www/index.html').out).toBe('rs3\n');
		expect(sh(l, 'ssh nowhere')).toEqual({out: 'ssh: Could not resolve hostname nowhere: Name or service not known\n', status: 255});
	});

	it('drops the ssh session into a host that loses its power, and every session opened from there', () => {
		const l = lab();
		sh(l, 'ssh rs1');
		sh(l, 'ssh rs2');
		expect(l.shell.prompt()).toBe('root@rs2:~# ');
		expect(sh(l, 'poweroff rs1').out).toBe('rs1: powered off (processes, ARP cache, IPVS table and connections are gone)\nConnection to rs1 closed by remote host.\n');
		expect(l.shell.prompt()).toBe('root@lvs1:~# ');
		expect(sh(l, 'hostname').out).toBe('lvs1\n');
		// A power cut while the prompt waits is noticed before the next command runs (on the host left).
		sh(l, 'boot rs1');
		sh(l, 'ssh rs1');
		powerOff(l.world, l.world.host('rs1')!);
		expect(sh(l, 'hostname')).toEqual({out: 'Connection to rs1 closed by remote host.\nlvs1\n', status: 0});
	});

	it('on a powered-off host only lab commands run; everything else gets one line saying so', () => {
		const l = lab();
		sh(l, 'poweroff lvs1');
		expect(sh(l, 'hostname; ps | grep init; fib 30; frobnicate')).toEqual({out: 'lvs1 is powered off: only lab commands work here (boot lvs1 powers it on)\n', status: 1});
		expect(sh(l, 'ipvsadm -L -n').status).toBe(1);
		expect(sh(l, 'events --source lab').out).toBe('00:00:00.000  lvs1     lab        lvs1 powered off\n');
		expect(sh(l, 'help').out).toContain('boot');
		expect(sh(l, 'sleep 2')).toEqual({out: '', status: 0});
		expect(l.world.now).toBe(2_000_000);
		// curl, ab and load run on the client PC, which still has its power (its way to rs1 went through lvs1).
		expect(sh(l, 'curl -s -m 1 http://10.0.0.11/')).toEqual({out: '', status: 28});
		expect(sh(l, 'boot lvs1').status).toBe(0);
		expect(sh(l, 'hostname').out).toBe('lvs1\n');
		const es = lab();
		es.shell.options.lang = 'es';
		sh(es, 'poweroff lvs1');
		expect(sh(es, 'ls').out).toBe('lvs1 está apagado: aquí solo funcionan las órdenes del lab (boot lvs1 lo enciende)\n');
	});

	it('changes directory and shows it in the prompt', () => {
		const l = lab();
		sh(l, 'cd /var/www');
		expect(l.shell.prompt()).toBe('root@lvs1:/var/www# ');
		expect(sh(l, 'cat index.html').status).toBe(1);
		expect(sh(l, 'cd /nope')).toEqual({out: 'bash: cd: /nope: No such file or directory\n', status: 1});
	});

	it('expands globs against the host file system', () => {
		const l = lab();
		sh(l, 'echo 1 > /tmp/a.txt; echo 2 > /tmp/b.txt');
		expect(sh(l, 'echo /tmp/*.txt').out).toBe('/tmp/a.txt /tmp/b.txt\n');
		expect(sh(l, 'echo /tmp/*.none').out).toBe('/tmp/*.none\n');
	});

	it('advances virtual time with sleep and rejects bad intervals like coreutils', () => {
		const l = lab();
		sh(l, 'sleep 1.5');
		expect(l.world.now).toBe(1_500_000);
		sh(l, 'sleep 1m');
		expect(l.world.now).toBe(61_500_000);
		expect(sh(l, 'sleep soon')).toEqual({out: "sleep: invalid time interval \u2018soon\u2019\nTry 'sleep --help' for more information.\n", status: 1});
		expect(sh(l, 'sleep')).toEqual({out: "sleep: missing operand\nTry 'sleep --help' for more information.\n", status: 1});
	});

	it('numbers history like bash', () => {
		expect(run('echo a\necho b\nhistory\n')).toBe(
			'root@lvs1:~# echo a\na\nroot@lvs1:~# echo b\nb\nroot@lvs1:~# history\n    1  echo a\n    2  echo b\n    3  history\n',
		);
	});
});
