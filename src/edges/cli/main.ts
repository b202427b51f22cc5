#!/usr/bin/env node
import { runCli } from './program.ts';

const code = await runCli(process.argv);
// `serve` keeps the process alive with its server; every other command is finished here.
process.exitCode = code;
