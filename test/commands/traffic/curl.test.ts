import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../../helpers/lab';
import {virtualService} from '../../helpers/ipvs';

describe('curl', () => {
	it('prints the body of whichever real server answered, from the client PC whatever host the shell is on', () => {
		const l = lab();
		virtualService(l);
		expect(sh(l, 'curl http://10.0.0.100/')).toEqual({out: 'rs2\n', status: 0});
		sh(l, 'ssh rs3');
		expect(sh(l, 'curl 10.0.0.100')).toEqual({out: 'rs1\n', status: 0});
		// The connection came from the client PC's address.
		expect([...l.world.host('lvs1')!.ipvs!.connections()].every((c) => c.caddr === 0x0a0000c8)).toBe(true);
	});

	it('localhost means the host the shell is on: a real server\'s own Apache answers, the director has none', () => {
		const l = lab();
		sh(l, 'ssh rs2');
		expect(sh(l, 'curl -s http://localhost/')).toEqual({out: 'rs2\n', status: 0});
		expect(sh(l, 'curl -s 127.0.0.1')).toEqual({out: 'rs2\n', status: 0});
		// The kernel's source address towards a loopback address is 127.0.0.1.
		expect(sh(l, 'explain').out).toMatch(/^Last connection: curl from rs2 127\.0\.0\.1:\d+ to 127\.0\.0\.1:80,/);
		expect(sh(l, 'ab -n 4 http://127.0.0.1/ | grep Complete').out).toBe('Complete requests:      4\n');
		sh(l, 'exit');
		expect(sh(l, 'curl http://localhost/')).toEqual({out: 'curl: (7) Failed to connect to localhost port 80 after 0 ms: Couldn\'t connect to server\n', status: 7});
	});

	it('-i and -I show Apache\'s headers; a missing page is Apache\'s 404 with exit status 0', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11']});
		const head = 'HTTP/1.1 200 OK\r\nDate: Thu, 26 Nov 2026 10:00:00 GMT\r\nServer: Apache/2.4.57 (Debian)\r\nLast-Modified: Thu, 26 Nov 2026 10:00:00 GMT\r\nETag: "4-6612b01af0800"\r\nAccept-Ranges: bytes\r\nContent-Length: 4\r\nVary: Accept-Encoding\r\nContent-Type: text/html\r\n\r\n';
		expect(sh(l, 'curl -i http://10.0.0.100/').out).toBe(head + 'rs1\n');
		expect(sh(l, 'curl -sI http://10.0.0.100/').out).toBe(head);
		const missing = sh(l, 'curl http://10.0.0.100/nope.html');
		expect(missing.status).toBe(0);
		expect(missing.out).toBe(
			'<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n<hr>\n<address>Apache/2.4.57 (Debian) Server at 10.0.0.100 Port 80</address>\n</body></html>\n',
		);
	});

	it('-v narrates the connection on stderr like curl 7.88', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.12']});
		expect(sh(l, 'curl -v http://10.0.0.100/ 2>&1 >/dev/null').out).toBe(
			'*   Trying 10.0.0.100:80...\n* Connected to 10.0.0.100 (10.0.0.100) port 80 (#0)\n> GET / HTTP/1.1\r\n> Host: 10.0.0.100\r\n> User-Agent: curl/7.88.1\r\n> Accept: */*\r\n> \r\n< HTTP/1.1 200 OK\r\n< Date: Thu, 26 Nov 2026 10:00:00 GMT\r\n< Server: Apache/2.4.57 (Debian)\r\n< Last-Modified: Thu, 26 Nov 2026 10:00:00 GMT\r\n< ETag: "4-6612b01af0800"\r\n< Accept-Ranges: bytes\r\n< Content-Length: 4\r\n< Vary: Accept-Encoding\r\n< Content-Type: text/html\r\n< \r\n* Connection #0 to host 10.0.0.100 left intact\n',
		);
	});

	it('-o writes the body to a file and shows the progress meter', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.13']});
		const r = sh(l, 'curl -o /tmp/page http://10.0.0.100/');
		expect(r.status).toBe(0);
		expect(r.out).toMatch(/^  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n {33}Dload  Upload   Total   Spent    Left  Speed\n\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\r100     4  100     4    0     0  +\d+      0 --:--:-- --:--:-- --:--:-- +\d+\n$/);
		expect(l.world.host('lvs1')!.fs.read('/tmp/page')).toBe('rs3\n');
		expect(sh(l, 'curl -s -o /tmp/page2 http://10.0.0.100/').out).toBe('');
	});

	it('uses curl\'s messages and exit codes for every failure', () => {
		const l = lab();
		expect(sh(l, 'curl')).toEqual({out: "curl: try 'curl --help' or 'curl --manual' for more information\n", status: 2});
		expect(sh(l, 'curl --bogus http://x/')).toEqual({out: "curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", status: 2});
		expect(sh(l, 'curl -m abc http://x/')).toEqual({out: "curl: option -m: expected a proper numerical parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", status: 2});
		expect(sh(l, 'curl -m')).toEqual({out: "curl: option -m: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", status: 2});
		expect(sh(l, 'curl ftp2://x/')).toEqual({out: 'curl: (1) Protocol "ftp2" not supported or disabled in libcurl\n', status: 1});
		expect(sh(l, 'curl http://10.0.0.100:99999/')).toEqual({out: 'curl: (3) URL using bad/illegal format or missing URL\n', status: 3});
		expect(sh(l, 'curl http://nosuchhost/')).toEqual({out: 'curl: (6) Could not resolve host: nosuchhost\n', status: 6});
		// The VIP with no virtual service: the director's own stack refuses.
		expect(sh(l, 'curl http://10.0.0.100/')).toEqual({out: "curl: (7) Failed to connect to 10.0.0.100 port 80 after 0 ms: Couldn't connect to server\n", status: 7});
		expect(sh(l, 'curl -s http://10.0.0.100/')).toEqual({out: '', status: 7});
		expect(sh(l, 'curl -sS http://10.0.0.100/').status).toBe(7);
		// Names from /etc/hosts work; apache is not running on the director.
		expect(sh(l, 'curl -v http://lvs1/ 2>&1').out).toBe(
			"*   Trying 10.0.0.1:80...\n* connect to 10.0.0.1 port 80 failed: Connection refused\n* Failed to connect to lvs1 port 80 after 0 ms: Couldn't connect to server\n* Closing connection 0\ncurl: (7) Failed to connect to lvs1 port 80 after 0 ms: Couldn't connect to server\n",
		);
		// An address nobody has: ARP fails after 3 s (No route to host).
		expect(sh(l, 'curl http://10.0.0.77/')).toEqual({out: "curl: (7) Failed to connect to 10.0.0.77 port 80 after 3000 ms: Couldn't connect to server\n", status: 7});
		expect(sh(l, 'curl http://192.168.9.9/').status).toBe(7);
	});

	it('a real server going away mid-way: reset while connected gives 56, a dead server times out', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11']});
		sh(l, 'ssh rs1 /etc/init.d/apache2 stop');
		expect(sh(l, 'curl http://10.0.0.100/').status).toBe(7);
		expect(sh(l, 'explain').out).toContain('nothing listens on rs1:80 (apache2 is not running)');
		sh(l, 'ssh rs1 /etc/init.d/apache2 start');
		sh(l, 'unplug rs1');
		expect(sh(l, 'curl -m 5 http://10.0.0.100/')).toEqual({out: 'curl: (28) Connection timed out after 5001 milliseconds\n', status: 28});
		expect(sh(l, 'explain').out).toMatch(/rs1's eth0 is unplugged|nobody answered ARP for 10\.0\.0\.11/);
	});

	it('gives the same transcript for the same seed', () => {
		const script = 'curl -s http://10.0.0.100/\nsleep 1\ncurl -i http://10.0.0.100/nope\nexplain\n';
		const a = run(script);
		expect(run(script)).toBe(a);
	});
});

describe('curl time limits', () => {
	it('--connect-timeout only limits connecting; -m limits the whole transfer', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11']});
		sh(l, 'unplug rs1');
		expect(sh(l, 'curl --connect-timeout 2 http://10.0.0.100/')).toEqual({out: 'curl: (28) Connection timed out after 2001 milliseconds\n', status: 28});
		sh(l, 'plug rs1');
		expect(sh(l, 'curl -s --connect-timeout 2 http://10.0.0.100/')).toEqual({out: 'rs1\n', status: 0});
	});
});

describe('curl -f', () => {
	it('fails with 22 on an HTTP error instead of printing the page', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11']});
		expect(sh(l, 'curl -f http://10.0.0.100/nope')).toEqual({out: 'curl: (22) The requested URL returned error: 404\n', status: 22});
		expect(sh(l, 'curl -sf http://10.0.0.100/nope')).toEqual({out: '', status: 22});
		expect(sh(l, 'curl -sf http://10.0.0.100/')).toEqual({out: 'rs1\n', status: 0});
	});
});
