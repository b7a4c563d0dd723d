import {describe, expect, it} from 'vitest';
import {parse} from '../../source/shell/parse';

const words = (src: string) => {
	const r = parse(src);
	if (r.kind !== 'ok') throw new Error(r.kind);
	return r.list.map((a) => a.first.commands.map((c) => c.words.map((w) => w.map((p) => (p.kind === 'text' ? p.text : p.kind === 'var' ? '$' + p.name : p.kind === 'tilde' ? '~' : `$(${p.source})`)).join(''))));
};

describe('shell parser', () => {
	it('splits words and keeps quoted spaces', () => {
		expect(words(`echo "a  b" 'c d' e\\ f`)).toEqual([[['echo', 'a  b', 'c d', 'e f']]]);
	});
	it('reads pipes, lists and background jobs', () => {
		const r = parse('a | b && c; d &\n');
		expect(r.kind).toBe('ok');
		if (r.kind !== 'ok') return;
		expect(r.list).toHaveLength(2);
		expect(r.list[0]!.first.commands).toHaveLength(2);
		expect(r.list[0]!.rest[0]!.op).toBe('&&');
		expect(r.list[1]!.background).toBe(true);
	});
	it('asks for more input when a quote, heredoc or pipe is open', () => {
		expect(parse('echo "abc').kind).toBe('incomplete');
		expect(parse("cat <<'EOF'\nx\n").kind).toBe('incomplete');
		expect(parse('ls |').kind).toBe('incomplete');
		expect(parse('echo a \\').kind).toBe('incomplete');
	});
	it('reads heredoc bodies up to the delimiter', () => {
		const r = parse("cat > f <<'EOF'\nline $HOME\nEOF\n");
		expect(r.kind).toBe('ok');
		if (r.kind !== 'ok') return;
		const redirects = r.list[0]!.first.commands[0]!.redirects;
		expect(redirects[1]).toEqual({kind: 'heredoc', body: 'line $HOME\n', expand: false});
	});
	it("reports bash's syntax errors", () => {
		expect(parse('| x')).toEqual({kind: 'error', message: "syntax error near unexpected token `|'"});
		expect(parse('echo >')).toEqual({kind: 'error', message: "syntax error near unexpected token `newline'"});
		// `;;` is one token, as in bash, which only accepts it inside `case`.
		expect(parse('a ;; b')).toEqual({kind: 'error', message: "syntax error near unexpected token `;;'"});
		expect(parse('a ; ; b')).toEqual({kind: 'error', message: "syntax error near unexpected token `;'"});
	});
	it('skips comments', () => {
		expect(words('echo a # b c')).toEqual([[['echo', 'a']]]);
	});
});

describe('shell parser edge cases', () => {
	it('keeps a lone $ as a literal dollar sign', () => {
		expect(words('echo $ "$" a$')).toEqual([[['echo', '$', '$', 'a$']]]);
	});
});
