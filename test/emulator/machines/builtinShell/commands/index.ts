// Every command of the built-in shell besides the shell's own (shellBuiltins.ts).
import { BASIC } from './basic';
import { BYTES } from './bytes';
import { FILES } from './files';
import { ls } from './ls';
import { SYSTEM } from './system';
import { TEXT } from './text';
import { test } from './testCmd';
import type { Builtin } from './types';

export const BUILTINS: Readonly<Record<string, Builtin>> = { ...BASIC, ...SYSTEM, ...FILES, ...TEXT, ...BYTES, ls, test, '[': test };

/** The command names, for the README and the help line. */
export const BUILTIN_NAMES: readonly string[] = Object.keys(BUILTINS).sort();
