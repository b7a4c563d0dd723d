// Ink renders only the final frame when CI is set, and colours depend on NO_COLOR:
// tests see the interactive behaviour a user gets.
delete process.env.CI;
delete process.env.NO_COLOR;
