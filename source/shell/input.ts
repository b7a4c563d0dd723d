/**
 * A command's standard input as a stream that commands take from in turn: in
 * `while read line; do …; done < file` each `read` takes one line, and a filter such
 * as `cat` in the loop takes the rest, as they share one open file in bash.
 */
export class InputStream {
	private pos = 0;

	constructor(readonly text: string) {}

	/** What is still unread. */
	get rest(): string {
		return this.pos === 0 ? this.text : this.text.slice(this.pos);
	}

	/** The next character, consumed; undefined at the end. */
	next(): string | undefined {
		return this.pos < this.text.length ? this.text[this.pos++] : undefined;
	}

	/** Whether anything is left to read. */
	get available(): boolean {
		return this.pos < this.text.length;
	}

	/** Consumes everything left (a filter read to the end). */
	drain(): void {
		this.pos = this.text.length;
	}
}
