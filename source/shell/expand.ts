import type {Word} from './ast';
import {ArithError, evaluate} from './arith';
import {braceExpand} from './brace';
import {DiscardLine, type Frame, type Sink} from './frame';
import {escapeGlob, glob, hasGlob} from './glob';
import {substitutionEnd} from './lex';
import {parse} from './parse';
import type {Shell} from './shell';
import {subshell} from './subshell';

/**
 * Word expansion: tilde, variables, `$(…)`, field splitting and globbing. With
 * `split` false (an assignment given to `local` or `export`), neither splitting
 * nor globbing.
 */
export function expand(shell: Shell, word: Word, frame: Frame, split = true): string[] {
	const fields: string[] = [];
	let current = '';
	let pattern = '';
	let exists = false;
	let globbable = false;
	const endField = () => {
		if (exists) {
			if (globbable && split) fields.push(...globField(pattern, current, frame));
			else fields.push(current);
		}
		current = '';
		pattern = '';
		exists = false;
		globbable = false;
	};
	const addText = (text: string, quoted: boolean) => {
		current += text;
		pattern += quoted ? escapeGlob(text) : text;
		if (!quoted && hasGlob(text)) globbable = true;
		exists = true;
	};
	const addExpansion = (value: string, quoted: boolean) => {
		if (quoted || !split) {
			addText(value, true);
			return;
		}
		const pieces = value.split(/[ \t\n]+/);
		pieces.forEach((piece, i) => {
			if (i > 0) endField();
			if (piece !== '') addText(piece, false);
		});
	};
	for (const part of word) {
		if (part.kind === 'text') addText(part.text, part.quoted);
		else if (part.kind === 'tilde') addText(shell.session.vars.get('HOME') ?? '/root', true);
		else if (part.kind === 'var' && (part.name === '@' || (part.name === '*' && !part.quoted)) && split) {
			// Each argument is a field of its own: "$@" keeps them whole, $@ and $* split each one.
			shell.session.positional.forEach((arg, i) => {
				if (i > 0) endField();
				if (part.quoted) addText(arg, true);
				else addExpansion(arg, false);
			});
		} else if (part.kind === 'var') addExpansion(variable(shell, part.name), part.quoted);
		else if (part.kind === 'arith') addExpansion(arithmetic(shell, part.source, frame), part.quoted);
		else addExpansion(substitute(shell, part.source, frame), part.quoted);
	}
	endField();
	return fields;
}

/** A command's or a `for` list's word: brace expansion first, then every word it made expanded in turn. */
export function expandWord(shell: Shell, word: Word, frame: Frame): string[] {
	return braceExpand(word).flatMap((braced) => expand(shell, braced, frame));
}

/**
 * A word expanded to one string, without field splitting or globbing, as bash
 * expands assignments and the word after `case`. As a `case` pattern, quoted parts
 * are escaped so that they match literally.
 */
export function expandString(shell: Shell, word: Word, frame: Frame, pattern = false): string {
	let text = '';
	const add = (s: string, quoted: boolean) => (text += pattern && quoted ? escapeGlob(s) : s);
	for (const part of word) {
		if (part.kind === 'text') add(part.text, part.quoted);
		else if (part.kind === 'tilde') add(shell.session.vars.get('HOME') ?? '/root', true);
		else if (part.kind === 'var') add(variable(shell, part.name), part.quoted);
		else if (part.kind === 'arith') add(arithmetic(shell, part.source, frame), part.quoted);
		else add(substitute(shell, part.source, frame), part.quoted);
	}
	return text;
}

/** `${NAME}` (group 1) or `$NAME`, `$?`, `$1`… (group 2): a variable reference inside text the lexer did not split. */
const REFERENCE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*|[?$#@*]|[0-9]+)\}|([?$#@*0-9]|[A-Za-z_][A-Za-z0-9_]*))/g;
/** In a heredoc, `\$` `\`` `\\` (group 1) as well. */
const HEREDOC_REFERENCE = new RegExp(`\\\\([$\`\\\\])|${REFERENCE.source}`, 'g');

/** A heredoc body with `$NAME`, `${NAME}`, `$?`, `$1`… replaced, and `\$` `\`` `\\` unescaped. */
export function expandHeredoc(shell: Shell, body: string): string {
	return body.replace(HEREDOC_REFERENCE, (_m, escaped?: string, braced?: string, name?: string) => escaped ?? variable(shell, (braced ?? name)!));
}

function globField(pattern: string, literal: string, frame: Frame): string[] {
	const relative = !pattern.startsWith('/');
	const base = frame.login.cwd === '/' ? '' : frame.login.cwd;
	const matches = glob(frame.login.host.fs, relative ? escapeGlob(base) + '/' + pattern : pattern);
	if (matches.length === 0) return [literal];
	return relative ? matches.map((m) => m.slice(base.length + 1)) : matches;
}

/** A variable's value as one string (`$@` joined by spaces, `$*` by IFS's first character, as bash joins them). */
function variable(shell: Shell, name: string): string {
	const s = shell.session;
	if (name === '?') return String(s.lastStatus);
	if (name === '$') return '4242';
	if (name === '#') return String(s.positional.length);
	if (name === '0') return 'bash';
	if (name === '@') return s.positional.join(' ');
	if (name === '*') return s.positional.join((s.vars.get('IFS') ?? ' ').slice(0, 1));
	if (/^[0-9]+$/.test(name)) return s.positional[Number(name) - 1] ?? '';
	// bash sets FUNCNAME only while a function runs.
	if (name === 'FUNCNAME' && s.calls.length > 0) return s.calls[s.calls.length - 1]!.name;
	return s.vars.get(name) ?? '';
}

/** `$((…))`: `$NAME`, `${NAME}` and `$?` inside are replaced first, then the expression is evaluated. */
function arithmetic(shell: Shell, source: string, frame: Frame): string {
	try {
		return String(arithValue(shell, source, frame));
	} catch (error) {
		if (!(error instanceof ArithError)) throw error;
		frame.sink.err(`bash: ${error.message}\n`);
		throw new DiscardLine();
	}
}

/**
 * The value of an arithmetic expression; throws ArithError. As in bash, the `$(…)`
 * and `$((…))` inside are expanded first (`$(( $1 * $(fact 3) ))`), then the `$NAME`s.
 */
export function arithValue(shell: Shell, source: string, frame: Frame): bigint {
	let expanded = '';
	for (let i = 0; i < source.length; i++) {
		const end = source[i] === '$' && source[i + 1] === '(' ? substitutionEnd(source, i) : undefined;
		if (end === undefined) {
			expanded += source[i];
			continue;
		}
		if (source[i + 2] === '(' && source[end - 1] === ')') expanded += String(arithValue(shell, source.slice(i + 3, end - 1), frame));
		else expanded += substitute(shell, source.slice(i + 2, end), frame);
		i = end;
	}
	const text = expanded.replace(REFERENCE, (_m, braced?: string, name?: string) => variable(shell, (braced ?? name)!));
	return evaluate(text, shell.session.vars);
}

/** `$(…)`: runs the inner source in a subshell with its output captured, trailing newlines removed. */
function substitute(shell: Shell, source: string, frame: Frame): string {
	shell.substitutions++;
	const parsed = parse(source);
	if (parsed.kind !== 'ok') {
		frame.sink.err(`bash: command substitution: ${parsed.kind === 'error' ? parsed.message : 'unexpected end of file'}\n`);
		return '';
	}
	let captured = '';
	const sink: Sink = {out: (t) => (captured += t), err: frame.sink.err};
	// A subshell: what it assigns stays inside, and `exit` or `return` ends only it. Like a
	// pipeline member, it sees the loops around it (`break` there ends the substitution).
	const status = subshell(shell, {...frame, sink, tty: false}, (f) => shell.runList(parsed.list, f), false);
	shell.session.lastStatus = status;
	return captured.replace(/\n+$/, '');
}
