import type {CommandSpec} from './context';

/** Looks commands up by name or absolute path. */
export class CommandRegistry {
	private byName = new Map<string, CommandSpec>();
	private byPath = new Map<string, CommandSpec>();

	constructor(specs: readonly CommandSpec[]) {
		for (const spec of specs) this.add(spec);
	}

	add(spec: CommandSpec): void {
		if (this.byName.has(spec.name)) throw new Error(`duplicate command ${spec.name}`);
		this.byName.set(spec.name, spec);
		for (const path of spec.paths ?? []) this.byPath.set(path, spec);
	}

	get(name: string): CommandSpec | undefined {
		return this.byName.get(name);
	}

	atPath(path: string): CommandSpec | undefined {
		return this.byPath.get(path);
	}

	/** Every command, sorted by name. */
	all(): CommandSpec[] {
		return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
	}

	/** Every absolute path a command answers to. */
	paths(): string[] {
		return [...this.byPath.keys()].sort();
	}
}
