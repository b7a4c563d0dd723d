import * as z from 'zod';
import {frontMatterSchema, stepBlockSchema} from './schema';

/**
 * The JSON Schema published as `lessons/schema.json` for instructors and their
 * editors. A lesson file holds two kinds of YAML: its front matter
 * (`#/$defs/front-matter`) and one ```step block per step (`#/$defs/step`).
 * Generated from the zod schemas the lab itself validates with; a test keeps
 * the committed file equal to this.
 */
export function lessonJsonSchema(): Record<string, unknown> {
	const root = z
		.strictObject({
			frontMatter: frontMatterSchema,
			steps: z.array(stepBlockSchema),
		})
		.meta({
			title: 'cluster-lab lesson',
			description:
				'A lesson file (lessons/LANG/NN-id.md) holds YAML front matter (#/$defs/front-matter) and, under each "## Title {#step-id}" heading, one ```step block (#/$defs/step). See lessons/README.md.',
		});
	return z.toJSONSchema(root, {target: 'draft-2020-12', io: 'input', unrepresentable: 'any'}) as Record<string, unknown>;
}

/** The exact text of lessons/schema.json. */
export function lessonJsonSchemaText(): string {
	return JSON.stringify(lessonJsonSchema(), null, '\t') + '\n';
}
