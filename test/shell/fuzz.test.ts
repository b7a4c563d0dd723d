import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {lab} from '../helpers/lab';
import {parse} from '../../source/shell/parse';

const pieces = ['echo', 'cat', 'ssh', 'rs1', 'exit', 'sleep', '1', '|', '||', '&&', ';', '&', '>', '>>', '<', '2>&1', '<<', 'EOF', "'", '"', '\\', '$', '$?', '$(', ')', '(', '~', '*', '/tmp/x', '/etc/hosts', '-n', '--', 'history', 'cd', '..', '#', '\n', ' ', 'ipvsadm', '-L', 'ñ', '\u0000', 'hostname', 'help', 'case', 'in', 'esac', ';;', ';&', ';;&', 'x)', '*)', '{', '}', '((', '))', '<<<', 'read', '-r', 'let', 'x=1', 'i++'];

describe('lab shell under random input', () => {
	it('never throws, always returns a status, and keeps working', () => {
		const l = lab();
		fc.assert(
			fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({maxLength: 6})), {maxLength: 14}), (tokens) => {
				const line = tokens.join(' ');
				const result = l.shell.execute(line + '\n');
				expect(Number.isInteger(result.status)).toBe(true);
				expect(result.status).toBeGreaterThanOrEqual(0);
				expect(result.status).toBeLessThanOrEqual(255);
				for (const chunk of result.output) expect(chunk.text).not.toMatch(/internal error/);
			}),
			{numRuns: 400, seed: 20261126},
		);
		// Whatever happened, the shell still runs commands.
		while (l.shell.session.logins.length > 1) l.shell.session.logins.pop();
		expect(l.shell.execute('echo still here\n').output.map((c) => c.text).join('')).toBe('still here\n');
	});

	it('parses any text without throwing, glued or spaced, into ok, incomplete or a bash syntax error', () => {
		const glue = fc.array(fc.oneof(fc.constantFrom(...pieces, ' ', '\n'), fc.string({maxLength: 4})), {maxLength: 20});
		fc.assert(
			fc.property(glue, (tokens) => {
				const result = parse(tokens.join(''));
				expect(['ok', 'incomplete', 'error']).toContain(result.kind);
				if (result.kind === 'error') expect(result.message).toMatch(/^(syntax error|\$\{.*\}: bad substitution)/);
			}),
			{numRuns: 3000, seed: 20261127},
		);
	});
});
