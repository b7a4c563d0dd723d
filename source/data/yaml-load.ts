import {LineCounter, parseDocument, isNode, type Node} from 'yaml';
import type {z} from 'zod';

/** A problem in a data file, pointing at the line a person should fix. */
export interface DataError {
	readonly file: string;
	readonly line: number;
	readonly message: string;
}

export function formatDataError(e: DataError): string {
	return `${e.file}:${e.line}: ${e.message}`;
}

export type Loaded<T> = {ok: true; value: T} | {ok: false; errors: DataError[]};

/**
 * Parses YAML text and validates it against a zod schema. Every error names the
 * file and the line of the offending key or value. `lineOffset` shifts line
 * numbers (YAML front matter inside a Markdown file).
 */
export function loadYaml<S extends z.ZodType>(
	text: string,
	file: string,
	schema: S,
	options: {lineOffset?: number; check?: (value: z.output<S>) => Array<{path: Array<string | number>; message: string}>} = {},
): Loaded<z.output<S>> {
	const lineOffset = options.lineOffset ?? 0;
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true});
	const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line) + lineOffset;
	if (doc.errors.length > 0) {
		return {
			ok: false,
			errors: doc.errors.map((e) => ({file, line: lineAt(e.pos[0]), message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')})),
		};
	}
	const result = schema.safeParse(doc.toJS({maxAliasCount: 100}));
	const issues: Array<{path: Array<string | number>; at?: Array<string | number>; message: string}> = result.success
		? (options.check?.(result.data) ?? [])
		: result.error.issues.map((issue) => {
				const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
				// An unknown key is reported on its object; the line is the key's own.
				const at = issue.code === 'unrecognized_keys' && issue.keys.length > 0 ? [...path, issue.keys[0]!] : path;
				return {path, at, message: issue.message};
			});
	if (result.success && issues.length === 0) return {ok: true, value: result.data};
	const errors = issues.map(({path, at, message}) => ({file, line: lineAt(nodeOffset(doc.contents, at ?? path)), message: describe(path, message)}));
	errors.sort((a, b) => a.line - b.line);
	return {ok: false, errors};
}

/**
 * Line finder for a YAML text that already passed `loadYaml`: the line of the
 * node at a path (or of its deepest existing parent), shifted by `lineOffset`.
 */
export function yamlLocator(text: string, lineOffset = 0): (path: ReadonlyArray<string | number>) => number {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true});
	return (path) => {
		const offset = nodeOffset(doc.contents, [...path]);
		return (offset === undefined ? 1 : lineCounter.linePos(offset).line) + lineOffset;
	};
}

function describe(path: Array<string | number>, message: string): string {
	return path.length === 0 ? message : `${path.join('.')}: ${message}`;
}

/** Start offset of the deepest node that exists along `path` (the key when it is a map entry). */
function nodeOffset(root: unknown, path: Array<string | number>): number | undefined {
	let node: unknown = root;
	let offset = isNode(root) ? (root as Node).range?.[0] : undefined;
	for (const key of path) {
		if (!node || typeof node !== 'object' || !('items' in node)) break;
		const items = (node as {items: unknown[]}).items;
		let next: unknown;
		if (typeof key === 'number') {
			next = items[key];
			if (isNode(next)) offset = (next as Node).range?.[0] ?? offset;
		} else {
			const pair = items.find((item) => {
				const k = (item as {key?: unknown}).key;
				return k !== null && typeof k === 'object' && 'value' in k && String((k as {value: unknown}).value) === key;
			}) as {key: Node; value: unknown} | undefined;
			if (!pair) break;
			offset = pair.key.range?.[0] ?? offset;
			next = pair.value;
			if (isNode(next) && typeof next === 'object' && 'items' in (next as object) === false) {
				offset = (next as Node).range?.[0] ?? offset;
			}
		}
		node = next;
	}
	return offset;
}
