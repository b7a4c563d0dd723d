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

	/** The command a bare name runs: not one that only its paths reach. */
	get(name: string): CommandSpec | undefined {
		const spec = this.byName.get(name);
		return spec?.pathOnly ? undefined : spec;
	}

	/** Any command by its name, on PATH or not (is the tool in the lab at all?). */
	named(name: string): CommandSpec | undefined {
		return this.byName.get(name);
	}

	atPath(path: string): CommandSpec | undefined {
		return this.byPath.get(path);
	}

	/** Every command, sorted by name (path-only ones too). */
	all(): CommandSpec[] {
		return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
	}

	/** Every absolute path a command answers to. */
	paths(): string[] {
		return [...this.byPath.keys()].sort();
	}
}
