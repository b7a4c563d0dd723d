import {FsError, FS_ERROR_TEXT} from '../sim/fs/filesystem';
import {resolvePath} from '../sim/fs/path';
import type {Redirect} from './ast';
import {expand, expandHeredoc, expandString} from './expand';
import type {Frame, Sink, Stream} from './frame';
import {InputStream} from './input';
import type {Shell} from './shell';

/**
 * Where an empty file name leads: nowhere. The kernel answers ENOENT for "", so
 * the lab resolves it to a path whose parent cannot exist (reads, writes and
 * stat all fail with "No such file or directory"), never to the working directory.
 */
export const EMPTY_PATH = '/\u0000/\u0000';

type Target = {kind: 'terminal'; stream: Stream} | {kind: 'file'; path: string; append: boolean} | {kind: 'null'};

/** A command's streams once its redirections are applied. */
export interface Redirected {
	readonly input: InputStream | undefined;
	/** Where the command writes: the terminal, a file (collected until `flush`) or nowhere. */
	readonly sink: Sink;
	/** Standard output still reaches the terminal. */
	readonly toTerminal: boolean;
	/** Writes what went to files; errors go to the caller's terminal. */
	flush(): void;
}

/**
 * Applies a command's redirections in order, as bash does: files are opened (and
 * truncated) before the command runs. Returns 1 after printing bash's error when
 * one cannot be applied.
 */
export function applyRedirects(shell: Shell, redirects: readonly Redirect[], frame: Frame, stdin: InputStream | undefined): Redirected | 1 {
	const host = frame.login.host;
	let input = stdin;
	let outTarget: Target = {kind: 'terminal', stream: 'out'};
	let errTarget: Target = {kind: 'terminal', stream: 'err'};
	for (const r of redirects) {
		const result = applyRedirect(shell, r, frame);
		if (typeof result === 'string') {
			frame.sink.err(result);
			return 1;
		}
		if (result.kind === 'input') input = new InputStream(result.text);
		else if (result.kind === 'dup') {
			if (r.kind === 'dup' && r.fd === 2) errTarget = r.to === 1 ? outTarget : errTarget;
			else if (r.kind === 'dup' && r.fd === 1) outTarget = r.to === 2 ? errTarget : outTarget;
		} else {
			const target: Target = result.path === '/dev/null' ? {kind: 'null'} : {kind: 'file', path: result.path, append: result.append};
			if (result.fd === 1 || result.fd === 'both') outTarget = target;
			if (result.fd === 2 || result.fd === 'both') errTarget = target;
			if (target.kind === 'file' && !target.append) {
				try {
					host.fs.write(target.path, '');
				} catch (error) {
					frame.sink.err(`bash: ${fsMessage(error, target.path)}\n`);
					return 1;
				}
				(target as {append: boolean}).append = true;
			}
		}
	}
	const files = new Map<string, string>();
	const route = (target: Target, text: string) => {
		if (target.kind === 'terminal') frame.sink[target.stream](text);
		else if (target.kind === 'file') files.set(target.path, (files.get(target.path) ?? '') + text);
	};
	const out = outTarget;
	const err = errTarget;
	return {
		input,
		sink: {out: (t) => route(out, t), err: (t) => route(err, t)},
		toTerminal: out.kind === 'terminal',
		flush() {
			for (const [path, text] of files) {
				try {
					host.fs.write(path, text, {append: true});
				} catch (error) {
					frame.sink.err(`bash: ${fsMessage(error, path)}\n`);
				}
			}
		},
	};
}

function applyRedirect(
	shell: Shell,
	r: Redirect,
	frame: Frame,
): string | {kind: 'input'; text: string} | {kind: 'dup'} | {kind: 'output'; fd: 1 | 2 | 'both'; path: string; append: boolean} {
	if (r.kind === 'heredoc') return {kind: 'input', text: r.expand ? expandHeredoc(shell, r.body) : r.body};
	if (r.kind === 'herestring') return {kind: 'input', text: expandString(shell, r.target, frame) + '\n'};
	if (r.kind === 'dup') return {kind: 'dup'};
	const fields = expand(shell, r.target, frame);
	if (fields.length !== 1) return `bash: ${fields.join(' ') || '""'}: ambiguous redirect\n`;
	const path = fields[0] === '' ? EMPTY_PATH : resolvePath(frame.login.cwd, fields[0]!);
	if (r.kind === 'in') {
		if (path === '/dev/null') return {kind: 'input', text: ''};
		try {
			return {kind: 'input', text: frame.login.host.fs.read(path)};
		} catch (error) {
			return `bash: ${fsMessage(error, fields[0]!)}\n`;
		}
	}
	return {kind: 'output', fd: r.fd, path, append: r.append};
}

/** bash's text for a file that cannot be opened: `NAME: No such file or directory`. */
function fsMessage(error: unknown, shown: string): string {
	if (error instanceof FsError) return `${shown === EMPTY_PATH ? '' : shown}: ${FS_ERROR_TEXT[error.code]}`;
	throw error;
}
